package io.aperture.catalogue.input;

import io.aperture.record.HarvestRecord;

import java.time.Instant;

/**
 * The instants the catalogue stores and compares: years 1 to 9999. {@link Instant} itself reaches a billion years, and
 * PostgreSQL or date arithmetic overflow long before that, so a date from outside is checked here before it is used.
 */
public final class InstantRange {
    public static final Instant EARLIEST = HarvestRecord.EARLIEST;
    public static final Instant LATEST = HarvestRecord.LATEST;
    /** Words for error messages: "{field} must be " + DESCRIPTION. */
    public static final String DESCRIPTION = "between the years 1 and 9999";

    private InstantRange() {
    }

    public static boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
