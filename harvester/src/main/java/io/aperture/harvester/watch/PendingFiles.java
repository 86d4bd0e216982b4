package io.aperture.harvester.watch;

import io.aperture.harvester.scan.FileOutcome;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Files waiting to be harvested, each with the time it is due. Filesystem events, rescans, AMQP messages and retries
 * all go through here, so a file is never harvested twice at once and a file still being written simply waits.
 * A file may carry waiters (an AMQP message to acknowledge): they are told once the file is settled, i.e. ingested,
 * skipped, or definitively failed, and stay attached across retries. Thread-safe.
 */
public final class PendingFiles {

    /** Told once the file reached a final outcome. Called on the harvesting thread; must not block. */
    @FunctionalInterface
    public interface Waiter {
        void settled(FileOutcome outcome);
    }

    /** A file taken for harvesting: {@code attempts} counts earlier tries that ended in a retry. */
    public record Taken(Path path, int attempts, List<Waiter> waiters) {
    }

    private static final class Entry {
        Instant due;
        int attempts;
        final List<Waiter> waiters = new ArrayList<>();

        Entry(Instant due) {
            this.due = due;
        }
    }

    private final Map<Path, Entry> entries = new HashMap<>();

    /**
     * Asks for the file to be harvested at {@code due}. An already pending file takes the new time (so a burst of
     * modification events keeps pushing a file being written back, until it has been quiet for a while).
     */
    public synchronized void schedule(Path path, Instant due) {
        schedule(path, due, null);
    }

    public synchronized void schedule(Path path, Instant due, Waiter waiter) {
        Entry e = entries.computeIfAbsent(key(path), p -> new Entry(due));
        e.due = due;
        if (waiter != null) {
            e.waiters.add(waiter);
        }
    }

    /** Puts a taken file back after an attempt that must be repeated; the earlier of two due times wins. */
    public synchronized void retry(Taken taken, Instant due) {
        Entry e = entries.get(taken.path());
        if (e == null) {
            e = new Entry(due);
            entries.put(taken.path(), e);
        } else if (due.isBefore(e.due)) {
            e.due = due;
        }
        e.attempts = Math.max(e.attempts, taken.attempts() + 1);
        e.waiters.addAll(0, taken.waiters());
    }

    /** Removes and returns the files due at {@code now}, oldest due first. */
    public synchronized List<Taken> takeDue(Instant now) {
        List<Map.Entry<Path, Entry>> due = new ArrayList<>();
        for (Map.Entry<Path, Entry> e : entries.entrySet()) {
            if (!e.getValue().due.isAfter(now)) {
                due.add(e);
            }
        }
        due.sort(Comparator.comparing((Map.Entry<Path, Entry> e) -> e.getValue().due).thenComparing(Map.Entry::getKey));
        List<Taken> out = new ArrayList<>(due.size());
        for (Map.Entry<Path, Entry> e : due) {
            entries.remove(e.getKey());
            out.add(new Taken(e.getKey(), e.getValue().attempts, List.copyOf(e.getValue().waiters)));
        }
        return out;
    }

    public synchronized Optional<Instant> nextDue() {
        return entries.values().stream().map(e -> e.due).min(Comparator.naturalOrder());
    }

    public synchronized boolean contains(Path path) {
        return entries.containsKey(key(path));
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Everything still waiting, e.g. to be reported at shutdown. */
    public synchronized List<Path> paths() {
        return entries.keySet().stream().sorted().toList();
    }

    static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
