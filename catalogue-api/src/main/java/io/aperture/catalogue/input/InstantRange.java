package io.aperture.catalogue.input;

import java.time.Instant;

/**
 * The instants the catalogue stores and compares: years 1 to 9999. {@link Instant} itself reaches a billion years, and
 * PostgreSQL or date arithmetic overflow long before that, so a date from outside is checked here before it is used.
 */
public final class InstantRange {
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    /** Words for error messages: "{field} must be " + DESCRIPTION. */
    public static final String DESCRIPTION = "between the years 1 and 9999";

    private InstantRange() {
    }

    public static boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
