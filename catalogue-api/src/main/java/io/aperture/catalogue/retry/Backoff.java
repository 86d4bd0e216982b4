package io.aperture.catalogue.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off between attempts of one outbox call (a DOI call, an e-mail notice): {@code initial} after the first failure, doubled after each
 * further one, never more than {@code max}.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The pause before the next attempt after {@code failures} failed ones (1 or more). */
    public Duration after(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1: " + failures);
        }
        // doubling past 2^40 times the initial pause exceeds any sensible max; stop shifting before it overflows
        int doublings = Math.min(failures - 1, 40);
        long millis = initial.toMillis();
        long limit = max.toMillis();
        for (int i = 0; i < doublings && millis < limit; i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, limit));
    }
}
