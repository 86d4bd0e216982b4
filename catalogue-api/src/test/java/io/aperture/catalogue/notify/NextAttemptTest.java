package io.aperture.catalogue.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NextAttemptTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private final NextAttempt retry = new NextAttempt(Duration.ofSeconds(30), Duration.ofMinutes(5), 6);

    @Test
    void thePauseDoublesUpToTheMaximum() {
        assertThat(retry.after(1, NOW)).contains(NOW.plusSeconds(30));
        assertThat(retry.after(2, NOW)).contains(NOW.plusSeconds(60));
        assertThat(retry.after(3, NOW)).contains(NOW.plusSeconds(120));
        assertThat(retry.after(4, NOW)).contains(NOW.plusSeconds(240));
        assertThat(retry.after(5, NOW)).contains(NOW.plusSeconds(300));
    }

    @Test
    void afterTheLastAttemptTheNoticeIsGivenUp() {
        assertThat(retry.after(6, NOW)).isEmpty();
        assertThat(new NextAttempt(Duration.ofSeconds(1), Duration.ofSeconds(1), 1).after(1, NOW)).isEmpty();
    }

    @Test
    void theDefaultsCoverAboutADayOfOutage() {
        NextAttempt defaults = new NextAttempt(Duration.ofSeconds(30), Duration.ofHours(1), 30);
        Instant t = NOW;
        int failed = 0;
        for (var next = defaults.after(++failed, t); next.isPresent(); next = defaults.after(++failed, t)) {
            t = next.get();
        }
        assertThat(Duration.between(NOW, t)).isBetween(Duration.ofHours(20), Duration.ofHours(30));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new NextAttempt(Duration.ZERO, Duration.ofMinutes(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NextAttempt(Duration.ofMinutes(2), Duration.ofMinutes(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NextAttempt(Duration.ofMinutes(1), Duration.ofMinutes(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
