package io.aperture.harvester.conformance;

import java.time.Duration;

/** The time a check may take on one file; the walk asks at every group and stops the file when it is spent. */
final class Budget {
    private final long deadlineNanos;
    private final Duration limit;

    Budget(Duration limit) {
        this.limit = limit;
        this.deadlineNanos = System.nanoTime() + limit.toNanos();
    }

    void check() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new Spent(limit);
        }
    }

    /** Thrown out of the walk when the budget is spent; the checker turns it into a finding. */
    static final class Spent extends RuntimeException {
        Spent(Duration limit) {
            super("check stopped: its time budget of " + limit.toMillis() + " ms per file was spent", null, false, false);
        }
    }
}
