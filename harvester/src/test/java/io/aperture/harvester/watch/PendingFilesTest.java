package io.aperture.harvester.watch;

import io.aperture.harvester.scan.FileOutcome;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PendingFilesTest {
    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    private static final Path A = Path.of("/data/a.nxs");
    private static final Path B = Path.of("/data/b.nxs");

    @Test
    void onlyDueFilesAreTakenEarliestFirstAndOnlyOnce() {
        PendingFiles q = new PendingFiles();
        q.schedule(B, T0.plusSeconds(5));
        q.schedule(A, T0.plusSeconds(2));
        q.schedule(Path.of("/data/c.nxs"), T0.plusSeconds(60));
        assertThat(q.takeDue(T0.plusSeconds(1))).isEmpty();
        assertThat(q.nextDue()).contains(T0.plusSeconds(2));
        assertThat(q.takeDue(T0.plusSeconds(5))).extracting(PendingFiles.Taken::path).containsExactly(A, B);
        assertThat(q.takeDue(T0.plusSeconds(5))).isEmpty();
        assertThat(q.paths()).containsExactly(Path.of("/data/c.nxs"));
    }

    @Test
    void aNewEventPushesAPendingFileBack() {
        PendingFiles q = new PendingFiles();
        q.schedule(A, T0.plusSeconds(2));
        q.schedule(A, T0.plusSeconds(4)); // written again: wait for quiet
        assertThat(q.size()).isEqualTo(1);
        assertThat(q.takeDue(T0.plusSeconds(3))).isEmpty();
        assertThat(q.takeDue(T0.plusSeconds(4))).hasSize(1);
    }

    @Test
    void aRetryKeepsItsWaitersCountsAttemptsAndMeetsANewerSchedule() {
        PendingFiles q = new PendingFiles();
        List<String> told = new ArrayList<>();
        q.schedule(A, T0, o -> told.add("first " + o.status()));
        PendingFiles.Taken t = q.takeDue(T0).get(0);
        assertThat(t.attempts()).isZero();
        assertThat(t.waiters()).hasSize(1);
        // a second message for the same file arrives while the first attempt runs
        q.schedule(A, T0.plusSeconds(1), o -> told.add("second " + o.status()));
        q.retry(t, T0.plusSeconds(60));
        PendingFiles.Taken again = q.takeDue(T0.plusSeconds(1)).get(0);
        assertThat(again.attempts()).isEqualTo(1);
        again.waiters().forEach(w -> w.settled(new FileOutcome(A.toString(), FileOutcome.Status.OK, null, 1)));
        assertThat(told).containsExactly("first OK", "second OK");
        assertThat(q.size()).isZero();
    }

    @Test
    void pathsAreKeptAbsoluteAndNormalised() {
        PendingFiles q = new PendingFiles();
        q.schedule(Path.of("/data/x/../a.nxs"), T0);
        assertThat(q.contains(A)).isTrue();
    }

    @Test
    void deliveryRetriesDoubleUpToTheCap() {
        WatchSettings s = new WatchSettings(Duration.ofMinutes(5), Duration.ZERO, Duration.ofMinutes(1),
                Duration.ofSeconds(10), Duration.ofMinutes(1), Set.of("nxs"));
        assertThat(List.of(s.sendDelay(0), s.sendDelay(1), s.sendDelay(2), s.sendDelay(3), s.sendDelay(40)))
                .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                        Duration.ofSeconds(60), Duration.ofSeconds(60));
    }
}
