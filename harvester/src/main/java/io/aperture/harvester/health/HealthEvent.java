package io.aperture.harvester.health;

import java.time.Instant;

/** One thing the harvester could not catalogue, as the catalogue's harvest health API takes it (docs/api.md). */
public record HealthEvent(Kind kind, String subject, String reason, Instant at) {
    public enum Kind {
        /** a file refused: not NeXus-conformant, unreadable, too slow, or its records rejected by the catalogue */
        REFUSED,
        /** a file still open by a SWMR writer, looked at again later */
        SWMR_WAITING,
        /** a broker message rejected to the dead letters */
        DEAD_LETTER
    }
}
