package io.aperture.harvester.ingest;

import java.time.Duration;

/** Exponential backoff: base, 2·base, 4·base, ... capped; the sleeper is replaceable so tests do not wait. */
public record Backoff(int maxAttempts, Duration base, Duration cap, Sleeper sleeper) {

    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public static Backoff standard() {
        return new Backoff(6, Duration.ofMillis(500), Duration.ofSeconds(30), d -> Thread.sleep(d.toMillis()));
    }

    public Duration delay(int attempt) {
        long ms = base.toMillis() << Math.min(attempt, 20);
        return Duration.ofMillis(Math.min(ms, cap.toMillis()));
    }
}
