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

    public synchronized void add(HealthEvent e) {
        if (events.size() == KEPT) {
            events.pollFirst();
            dropped++;
        }
        events.addLast(e);
    }

    public synchronized boolean isEmpty() {
        return harvested == 0 && events.isEmpty();
    }

    /**
     * Sends what was collected, {@link #BATCH} events per request. On failure what was not sent stays for a next
     * flush (or is dropped with this object); the answer is the line to log (empty when everything went).
     */
    public synchronized Optional<String> flush(HealthSink sink) {
        String note = dropped == 0 ? "" : "; " + dropped + " older events were dropped while it could not take them";
        dropped = 0;
        do {
            List<HealthEvent> batch = new ArrayList<>(events).subList(0, Math.min(BATCH, events.size()));
            try {
                sink.report(harvested, batch);
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
