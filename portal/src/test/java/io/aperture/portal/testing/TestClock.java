package io.aperture.portal.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The server's clock in tests: the system clock, shifted by an offset a test may set to reach a future date (and must
 * reset). Everything time-dependent in the server reads this Clock, so shifting it moves embargo ends within reach.
 */
public class TestClock {
    private static volatile Duration offset = Duration.ZERO;

    public static void shift(Duration d) {
        offset = d;
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(offset);
            }
        };
    }
}
