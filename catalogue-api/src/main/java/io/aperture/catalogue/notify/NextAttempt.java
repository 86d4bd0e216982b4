package io.aperture.catalogue.notify;

import io.aperture.catalogue.retry.Backoff;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a notice that could not be sent is tried again: after the {@link Backoff} pause (the DOI outbox's), and not at
 * all once {@code attempts} attempts have failed (the notice is then kept as failed for operators).
 */
record NextAttempt(Backoff backoff, int attempts) {

    NextAttempt {
        if (attempts < 1) {
            throw new IllegalArgumentException("retry: attempts >= 1 are needed, got " + attempts);
        }
    }

    NextAttempt(Duration initial, Duration max, int attempts) {
        this(new Backoff(initial, max), attempts);
    }

    /** The time of the next attempt after the {@code failed}-th failed one at {@code now}, or empty: give up. */
    Optional<Instant> after(int failed, Instant now) {
        return failed >= attempts ? Optional.empty() : Optional.of(now.plus(backoff.after(failed)));
    }
}
