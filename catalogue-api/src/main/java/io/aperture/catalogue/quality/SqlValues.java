package io.aperture.catalogue.quality;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The Java values of native query columns, whatever type the JDBC driver chose for them. */
final class SqlValues {
    private SqlValues() {
    }

    static Instant instant(Object o) {
        return switch (o) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime odt -> odt.toInstant();
            case Timestamp ts -> ts.toInstant();
            default -> Instant.parse(o.toString());
        };
    }
}
