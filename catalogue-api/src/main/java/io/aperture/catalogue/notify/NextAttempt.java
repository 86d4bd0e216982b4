package io.aperture.catalogue.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a notice that could not be sent is tried again: after {@code initial}, doubling per failure up to {@code max};
 * empty once {@code attempts} attempts have failed (the notice is then kept as failed for operators).
 */
record NextAttempt(Duration initial, Duration max, int attempts) {

    NextAttempt {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || attempts < 1) {
            throw new IllegalArgumentException("retry: initial > 0, max >= initial and attempts >= 1 are needed");
        }
    }

    /** The time of the next attempt after the {@code failed}-th failed one at {@code now}, or empty: give up. */
    Optional<Instant> after(int failed, Instant now) {
        if (failed >= attempts) {
            return Optional.empty();
        }
        Duration pause = initial;
        for (int i = 1; i < failed && pause.compareTo(max) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return Optional.of(now.plus(pause.compareTo(max) > 0 ? max : pause));
    }
}
