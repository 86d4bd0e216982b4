package io.aperture.harvester.watch;

import java.util.concurrent.atomic.AtomicLong;
import io.aperture.harvester.scan.FileOutcome;
import io.aperture.harvester.scan.RecordSink;
import io.aperture.harvester.scan.ScanReport;
import io.aperture.harvester.scan.ScanRunner;
import io.aperture.harvester.scan.ScanState;
import io.aperture.harvester.scan.WalkRoot;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import io.aperture.harvester.health.HealthReports;
import io.aperture.harvester.health.HealthSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The watcher's one harvesting thread. Each round it rescans the folders when a rescan is due, takes the files that
 * are due from {@link PendingFiles}, harvests and sends them through the same {@link ScanRunner} as {@code harvest
 * scan}, and decides per file: done (state saved, waiters told), wait and look again (still being written), try again
 * later with a growing delay (records not delivered: nothing is lost while the API is down), or failed (recorded,
 * waiters told, left alone until the file changes). Nothing a file does stops the loop.
 *
 * <p>All waiting is measured on the injected {@link Clock}; a round can be run directly ({@link #runOnce()}), so
 * tests move a clock instead of sleeping.
 */
public final class WatchLoop implements Runnable {
    private final List<Path> roots;
    private final ScanRunner runner;
    private final ScanState state;
    private final RecordSink sink;
    private final PendingFiles pending;
    private final Clock clock;
    private final WatchSettings settings;
    private final WatchLog log;
    private final KnownOutcomes known = new KnownOutcomes();
    private final Map<FileOutcome.Status, Long> totals = new EnumMap<>(FileOutcome.Status.class);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong rounds = new AtomicLong();

    /** Longest single wait, so that a clock moved by a test (or a system clock jump) is noticed promptly. */
    private final Duration maxWait;
    private final HealthReports health = new HealthReports();
    private volatile HealthSink healthSink;
    private Instant nextRescan = Instant.MIN;
    private volatile boolean rescanRequested;
    private volatile boolean stopping;
    private volatile Thread thread;
    private boolean woken;

    public WatchLoop(List<Path> roots, ScanRunner runner, ScanState state, RecordSink sink, PendingFiles pending,
                     Clock clock, WatchSettings settings, WatchLog log, Duration maxWait) {
        this.roots = roots.stream().map(PendingFiles::key).toList();
        this.runner = runner;
        this.state = state;
        this.sink = sink;
        this.pending = pending;
        this.clock = clock;
        this.settings = settings;
        this.log = log;
        this.maxWait = maxWait;
    }

    /** Rounds completed by {@link #run} (the first one includes the start-up rescan). */
    public long rounds() {
        return rounds.get();
    }

    public PendingFiles pending() {
        return pending;
    }

    /** Runs rounds until {@link #stop}; saves the state on the way out. */
    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            while (!stopping) {
                try {
                    runOnce();
                } catch (RuntimeException e) {
                    // a bug in one round must not end the watcher; the files of the round are found again by the rescan
                    log.problem("ERROR in watch round: " + e);
                }
                rounds.incrementAndGet();
                if (!stopping) {
                    awaitWork();
                }
            }
        } finally {
            Thread.interrupted(); // a stop may have interrupted a round; saving must not see it
            saveState();
            log.info(String.format("stopped: ok %d, skipped %d, in-progress %d, failed %d; %d files still pending",
                    total(FileOutcome.Status.OK), total(FileOutcome.Status.SKIPPED),
                    total(FileOutcome.Status.IN_PROGRESS), total(FileOutcome.Status.FAILED), pending.size()));
            finished.countDown();
        }
    }

    /** Reports what this round (and the listener's dead letters) collected; kept for the next round if the catalogue cannot take it. */
    private void reportHealth() {
        if (healthSink != null && !health.isEmpty()) {
            health.flush(healthSink).ifPresent(problem -> log.problem(problem + "; kept for the next round"));
        }
    }

    /** Where the harvest health goes (the catalogue); null: nowhere, as in tests of the loop alone. */
    public void reportHealthTo(HealthSink sink) {
        this.healthSink = sink;
    }

    /** The harvest health collected for the catalogue; the broker listener adds its dead letters here. */
    public HealthReports health() {
        return health;
    }

    /** One round: rescan if due, then harvest every file that is due. Returns the number of files handled. */
    public int runOnce() {
        Instant now = clock.instant();
        if (rescanRequested || !now.isBefore(nextRescan)) {
            rescanRequested = false;
            rescan(now);
            nextRescan = now.plus(settings.rescan());
        }
        List<PendingFiles.Taken> due = pending.takeDue(now);
        if (due.isEmpty()) {
            return 0;
        }
        List<Path> files = new ArrayList<>();
        Map<Path, long[]> stats = new HashMap<>();
        for (PendingFiles.Taken t : due) {
            if (Files.isDirectory(t.path())) {
                log.problem("FAILED " + t.path() + ": is a folder, not a file");
                settle(t, new FileOutcome(t.path().toString(), FileOutcome.Status.FAILED, "is a folder, not a file", null));
                continue;
            }
            files.add(t.path());
            stats.put(t.path(), stat(t.path()));
        }
        if (files.isEmpty()) {
            return due.size();
        }
        ScanReport report = runner.run(files, state, sink, null);
        Map<String, FileOutcome> byPath = new HashMap<>();
        report.files().forEach(o -> byPath.put(o.path(), o));
        boolean anyDone = false;
        Instant after = clock.instant();
        for (PendingFiles.Taken t : due) {
            if (!stats.containsKey(t.path())) {
                continue;
            }
            FileOutcome o = byPath.getOrDefault(t.path().toString(),
                    new FileOutcome(t.path().toString(), FileOutcome.Status.FAILED, "no outcome from the harvester", null));
            anyDone |= handle(t, o, stats.get(t.path()), after);
        }
        if (anyDone) {
            saveState();
        }
        reportHealth();
        return due.size();
    }

    private boolean handle(PendingFiles.Taken t, FileOutcome o, long[] stat, Instant now) {
        if (stopping && (o.status() == FileOutcome.Status.FAILED || o.status() == FileOutcome.Status.IN_PROGRESS)) {
            // a stop may have interrupted this file: leave it unsettled (an unacknowledged message is delivered again,
            // a file in a folder is found by the next start's rescan) and count it as still pending
            pending.retry(t, now);
            return false;
        }
        switch (o.status()) {
            case OK -> {
                health.outcome(o, now);
                known.forget(t.path());
                log.info("OK " + t.path() + " (" + o.records() + " records" + (t.attempts() > 0 ? ", after " + t.attempts() + " retries" : "") + ")");
                settle(t, o);
                return true;
            }
            case SKIPPED -> {
                if (stat != null && o.reason() != null && o.reason().startsWith("NOT_NEXUS")) {
                    known.record(t.path(), stat[0], stat[1], o);
                    log.info("SKIPPED " + t.path() + ": " + o.reason());
                }
                settle(t, o);
            }
            case IN_PROGRESS -> {
                Instant again = now.plus(settings.recheck());
                if (t.attempts() == 0) {
                    health.outcome(o, now);
                    log.info("IN-PROGRESS " + t.path() + ": " + o.reason() + "; looked at again every "
                            + settings.recheck().toSeconds() + " s");
                    count(o.status());
                }
                pending.retry(t, again);
            }
            case FAILED -> {
                if (o.retryable()) {
                    Duration wait = settings.sendDelay(t.attempts());
                    log.problem("RETRY " + t.path() + ": " + o.reason() + "; again in " + wait.toSeconds() + " s");
                    pending.retry(t, now.plus(wait));
                } else {
                    if (stat != null) {
                        known.record(t.path(), stat[0], stat[1], o);
                    }
                    log.problem("FAILED " + t.path() + ": " + o.reason());
                    health.outcome(o, now);
                    settle(t, o);
                }
            }
        }
        return false;
    }

    private void settle(PendingFiles.Taken t, FileOutcome o) {
        count(o.status());
        for (PendingFiles.Waiter w : t.waiters()) {
            try {
                w.settled(o);
            } catch (RuntimeException e) {
                log.problem("ERROR telling the sender about " + t.path() + ": " + e);
            }
        }
    }

    private synchronized void count(FileOutcome.Status s) {
        totals.merge(s, 1L, Long::sum);
    }

    private synchronized long total(FileOutcome.Status s) {
        return totals.getOrDefault(s, 0L);
    }

    /** Every harvestable file under the roots that is neither done, known, nor already waiting becomes due now. */
    void rescan(Instant now) {
        int found = 0;
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                if (Files.isRegularFile(root)) {
                    found += offer(root, now) ? 1 : 0;
                } else {
                    log.problem("MISSING " + root + ": no such folder (looked for again at the next rescan)");
                }
                continue;
            }
            int[] n = {0};
            try {
                WalkRoot walk = WalkRoot.of(root);
                Files.walkFileTree(walk.real(), new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                        if (a.isRegularFile() && settings.extensions().contains(extension(f))) {
                            n[0] += offer(walk.asGiven(f), now) ? 1 : 0;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path f, IOException e) {
                        log.problem("UNREADABLE " + walk.asGiven(f) + ": " + e.getMessage());
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                log.problem("UNREADABLE " + root + ": " + e.getMessage());
            }
            found += n[0];
        }
        if (found > 0) {
            log.info("rescan: " + found + " new or changed files");
        }
    }

    private boolean offer(Path f, Instant now) {
        Path p = PendingFiles.key(f);
        long[] s = stat(p);
        if (s == null || state.unchanged(p, s[0], s[1]) || known.unchanged(p, s[0], s[1]) || pending.contains(p)) {
            return false;
        }
        pending.schedule(p, now);
        return true;
    }

    /** Asks for a full rescan at the next round, e.g. after the event queue overflowed. */
    public void requestRescan() {
        rescanRequested = true;
        wake();
    }

    static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static long[] stat(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return new long[]{a.size(), a.lastModifiedTime().toMillis()};
        } catch (IOException e) {
            return null;
        }
    }

    private void saveState() {
        try {
            state.save();
        } catch (IOException e) {
            log.problem("ERROR saving the state file: " + e.getMessage() + " (kept in memory, saved again later)");
        }
    }

    private synchronized void awaitWork() {
        Instant next = pending.nextDue().filter(d -> d.isBefore(nextRescan)).orElse(nextRescan);
        long ms = Math.min(Math.max(0, Duration.between(clock.instant(), next).toMillis()), maxWait.toMillis());
        try {
            if (!woken && ms > 0) {
                wait(ms);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
        woken = false;
    }

    /** Something was scheduled: look now rather than at the end of the current wait. */
    public synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /**
     * Ends the loop: the current round may finish within {@code grace}; after that it is interrupted (a file that was
     * being sent is simply not marked done, so it is sent again next time). Returns whether the loop has ended.
     */
    public boolean stop(Duration grace) throws InterruptedException {
        stopping = true;
        wake();
        if (thread == null) {
            return true;
        }
        if (!finished.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
            return finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
        return true;
    }

    public boolean stopping() {
        return stopping;
    }
}
