package io.aperture.harvester.health;

import io.aperture.harvester.scan.FileOutcome;
import io.aperture.harvester.scan.RecordSink;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HealthReportsTest {
    private static final Instant AT = Instant.parse("2026-12-05T03:00:00Z");

    /** Records each call; fails while {@code down}. */
    private static final class Sink implements HealthSink {
        final List<Long> harvested = new ArrayList<>();
        final List<List<HealthEvent>> batches = new ArrayList<>();
        boolean down;

        @Override
        public void report(long h, List<HealthEvent> events) throws RecordSink.SinkException {
            if (down) {
                throw new RecordSink.SinkException("http://catalogue answered 503", null);
            }
            harvested.add(h);
            batches.add(List.copyOf(events));
        }
    }

    @Test
    void outcomesBecomeCountsAndEvents() {
        HealthReports r = new HealthReports();
        r.outcomes(List.of(
                new FileOutcome("/a.nxs", FileOutcome.Status.OK, null, 2),
                new FileOutcome("/b.nxs", FileOutcome.Status.OK, null, 1),
                new FileOutcome("/c.h5", FileOutcome.Status.SKIPPED, "NOT_NEXUS: plain HDF5", null),
                new FileOutcome("/d.nxs", FileOutcome.Status.IN_PROGRESS, "open by a SWMR writer", null),
                new FileOutcome("/e.nxs", FileOutcome.Status.FAILED, "NOT_HDF5: no signature", null),
                new FileOutcome("/f.nxs", FileOutcome.Status.FAILED, "not accepted: catalogue down", 1, true)), AT);
        Sink sink = new Sink();
        assertThat(r.flush(sink)).isEmpty();
        assertThat(sink.harvested).containsExactly(2L);
        assertThat(sink.batches.getFirst()).containsExactly(
                new HealthEvent(HealthEvent.Kind.SWMR_WAITING, "/d.nxs", "open by a SWMR writer", AT),
                new HealthEvent(HealthEvent.Kind.REFUSED, "/e.nxs", "NOT_HDF5: no signature", AT));
        assertThat(r.isEmpty()).isTrue();
    }

    @Test
    void keptWhileTheCatalogueIsDownAndSentInBatchesLater() {
        HealthReports r = new HealthReports();
        r.outcome(new FileOutcome("/ok.nxs", FileOutcome.Status.OK, null, 1), AT);
        for (int i = 0; i < HealthReports.BATCH + 3; i++) {
            r.add(new HealthEvent(HealthEvent.Kind.DEAD_LETTER, "msg-" + i, "outside the accepted folders", AT));
        }
        Sink sink = new Sink();
        sink.down = true;
        assertThat(r.flush(sink)).hasValueSatisfying(line -> assertThat(line)
                .contains("not reported (" + (HealthReports.BATCH + 3) + " events)").contains("503"));
        assertThat(r.isEmpty()).isFalse();

        sink.down = false;
        assertThat(r.flush(sink)).isEmpty();
        assertThat(sink.batches).extracting(List::size).containsExactly(HealthReports.BATCH, 3);
        assertThat(sink.harvested).containsExactly(1L, 0L); // counted once
        assertThat(sink.batches.get(1).getLast().subject()).isEqualTo("msg-" + (HealthReports.BATCH + 2));
        assertThat(r.isEmpty()).isTrue();
    }

    @Test
    void boundedWhileDownTheOldestGoFirstAndTheNextReportSaysHowMany() {
        HealthReports r = new HealthReports();
        for (int i = 0; i < HealthReports.KEPT + 7; i++) {
            r.add(new HealthEvent(HealthEvent.Kind.REFUSED, "/f" + i, "bad", AT));
        }
        Sink sink = new Sink();
        assertThat(r.flush(sink)).hasValueSatisfying(line -> assertThat(line).contains("7 older events were dropped"));
        List<HealthEvent> all = sink.batches.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(HealthReports.KEPT);
        assertThat(all.getFirst().subject()).isEqualTo("/f7");
    }

    /** Answers 400, as the catalogue does, for a report holding a character XML 1.0 forbids. */
    private static final class StrictSink implements HealthSink {
        final List<HealthEvent> stored = new ArrayList<>();

        @Override
        public void report(long h, List<HealthEvent> events) throws RecordSink.SinkException {
            for (HealthEvent e : events) {
                for (String text : new String[]{e.subject(), e.reason()}) {
                    if (!text.codePoints().allMatch(cp -> cp == '\t' || cp == '\n' || cp == '\r'
                            || (cp >= 0x20 && cp < 0xD800) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000)) {
                        throw new RecordSink.SinkException("http://catalogue answered 400: contains a control character", null);
                    }
                }
            }
            stored.addAll(events);
        }
    }

    @Test
    void forbiddenCharactersInSubjectsAndReasonsAreReplacedSoTheCatalogueTakesTheReport() {
        HealthReports r = new HealthReports();
        r.outcome(new FileOutcome("/data/a\u0001b.nxs", FileOutcome.Status.FAILED, "bad \uFFFF name \uD800 here", null), AT);
        r.add(new HealthEvent(HealthEvent.Kind.DEAD_LETTER, "msg\u0000id", "tab\tand \uD83D\uDE00 stay", AT));
        StrictSink sink = new StrictSink();
        assertThat(r.flush(sink)).isEmpty();
        assertThat(sink.stored).extracting(HealthEvent::subject).containsExactly("/data/a\uFFFDb.nxs", "msg\uFFFDid");
        assertThat(sink.stored).extracting(HealthEvent::reason)
                .containsExactly("bad \uFFFD name \uFFFD here", "tab\tand \uD83D\uDE00 stay");
        assertThat(r.isEmpty()).isTrue();
    }

    @Test
    void aReportTheCatalogueRefusesAsInvalidIsDroppedAndLaterReportsGoThrough() {
        HealthReports r = new HealthReports();
        for (int i = 0; i < HealthReports.BATCH + 2; i++) {
            r.add(new HealthEvent(HealthEvent.Kind.REFUSED, "/f" + i, "bad", AT));
        }
        List<List<HealthEvent>> taken = new ArrayList<>();
        HealthSink refusesTheFirst = (h, events) -> {
            if (events.getFirst().subject().equals("/f0")) {
                throw new RecordSink.Refused("http://catalogue answered 400: reason is invalid");
            }
            taken.add(List.copyOf(events));
        };
        assertThat(r.flush(refusesTheFirst)).hasValueSatisfying(line -> assertThat(line)
                .contains(HealthReports.BATCH + " events refused by the catalogue and dropped")
                .contains("answered 400").contains("/f0"));
        assertThat(taken).hasSize(1);
        assertThat(taken.getFirst()).extracting(HealthEvent::subject)
                .containsExactly("/f" + HealthReports.BATCH, "/f" + (HealthReports.BATCH + 1));
        assertThat(r.isEmpty()).isTrue();

        // and the queue is not blocked: the next report goes
        r.add(new HealthEvent(HealthEvent.Kind.REFUSED, "/next", "bad", AT));
        assertThat(r.flush(refusesTheFirst)).isEmpty();
        assertThat(taken.getLast()).extracting(HealthEvent::subject).containsExactly("/next");
    }
}
