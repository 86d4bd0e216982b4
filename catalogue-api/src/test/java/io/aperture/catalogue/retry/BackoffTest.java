package io.aperture.catalogue.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void doublesFromTheInitialPauseUpToTheMaximum() {
        Backoff b = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10));
        assertThat(b.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.after(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(b.after(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(b.after(5)).isEqualTo(Duration.ofSeconds(480));
        assertThat(b.after(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(b.after(1000)).isEqualTo(Duration.ofMinutes(10));
        assertThat(b.after(Integer.MAX_VALUE)).as("no overflow").isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void neverShrinks() {
        Backoff b = new Backoff(Duration.ofMillis(7), Duration.ofDays(1));
        Duration last = Duration.ZERO;
        for (int i = 1; i < 200; i++) {
            Duration d = b.after(i);
            assertThat(d).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(Duration.ofDays(1));
            last = d;
        }
        assertThat(last).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2)).after(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
