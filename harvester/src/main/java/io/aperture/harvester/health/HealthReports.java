package io.aperture.harvester.health;

import io.aperture.harvester.scan.FileOutcome;
import io.aperture.harvester.scan.RecordSink;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the harvester tells the catalogue about its files (docs/harvester.md "Harvest health"): files harvested (a
 * count), files refused with their reason, files waiting for a SWMR writer, dead-lettered messages. Collected here and
 * sent in batches of {@link #BATCH}; while the catalogue cannot take them they are kept, at most {@link #KEPT} events
 * (the oldest beyond that are dropped, and the next flush says how many), so a catalogue that is down never stops the
 * harvest. Thread-safe: the broker listener adds dead letters while the harvest adds outcomes.
 */
public final class HealthReports {
    /** Events per request; the catalogue's default {@code aperture.harvest-health.max-events}. */
    public static final int BATCH = 500;
    /** Events kept while the catalogue is unreachable. */
    public static final int KEPT = 5000;

    private final ArrayDeque<HealthEvent> events = new ArrayDeque<>();
    private long harvested;
    private long dropped;

    /** Counts or keeps one file's outcome: OK is counted, a bad file and a SWMR wait are kept; others say nothing. */
    public synchronized void outcome(FileOutcome o, Instant at) {
        switch (o.status()) {
            case OK -> harvested++;
            case IN_PROGRESS -> add(new HealthEvent(HealthEvent.Kind.SWMR_WAITING, o.path(), o.reason(), at));
            // a retryable failure is a delivery problem (catalogue down), not a refusal of the file
            case FAILED -> {
                if (!o.retryable()) {
                    add(new HealthEvent(HealthEvent.Kind.REFUSED, o.path(), o.reason(), at));
                }
            }
            case SKIPPED -> { }
        }
    }

    public synchronized void outcomes(List<FileOutcome> outcomes, Instant at) {
        outcomes.forEach(o -> outcome(o, at));
    }

    /** Keeps the event, its subject and reason made text the catalogue stores (see {@link #storable}). */
    public synchronized void add(HealthEvent e) {
        if (events.size() == KEPT) {
            events.pollFirst();
            dropped++;
        }
        events.addLast(new HealthEvent(e.kind(), storable(e.subject()), storable(e.reason()), e.at()));
    }

    /**
     * The text with every character XML 1.0 forbids (C0 controls but tab, line feed and carriage return; U+FFFE,
     * U+FFFF; an unpaired surrogate) replaced by U+FFFD: the catalogue refuses a whole report holding one, and a file
     * name or a message id may hold anything.
     */
    static String storable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean allowed = cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp < 0xD800)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
            out.appendCodePoint(allowed ? cp : 0xFFFD);
        });
        return out.toString();
    }

    public synchronized boolean isEmpty() {
        return harvested == 0 && events.isEmpty();
    }

    /**
     * Sends what was collected, {@link #BATCH} events per request. On failure what was not sent stays for a next
     * flush (or is dropped with this object); a request the catalogue refuses as invalid (400) is dropped, since
     * sending it again would be refused again and block every later report. The answer is the line to log (empty when
     * everything went).
     */
    public synchronized Optional<String> flush(HealthSink sink) {
        String note = dropped == 0 ? "" : "; " + dropped + " older events were dropped while it could not take them";
        dropped = 0;
        do {
            List<HealthEvent> batch = new ArrayList<>(events).subList(0, Math.min(BATCH, events.size()));
            try {
                sink.report(harvested, batch);
            } catch (RecordSink.Refused e) {
                note += "; " + batch.size() + " events refused by the catalogue and dropped (" + e.getMessage() + "), about "
                        + batch.stream().limit(10).map(HealthEvent::subject).toList() + (batch.size() > 10 ? " and more" : "");
                batch.forEach(x -> events.pollFirst());
                continue;
            } catch (RecordSink.SinkException e) {
                return Optional.of("harvest health not reported (" + events.size() + " events): " + e.getMessage() + note);
            }
            harvested = 0;
            for (int i = 0; i < batch.size(); i++) {
                events.pollFirst();
            }
        } while (!events.isEmpty());
        return note.isEmpty() ? Optional.empty() : Optional.of("harvest health reported" + note);
    }
}
