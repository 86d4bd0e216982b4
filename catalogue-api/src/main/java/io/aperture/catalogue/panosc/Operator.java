package io.aperture.catalogue.panosc;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The LoopBack 3 comparison operators the PaNOSC reference accepts (design/PANOSC.md §3.2). */
enum Operator {
    EQ, NEQ, GT, GTE, LT, LTE, BETWEEN, INQ, NIN, LIKE, NLIKE, ILIKE, NILIKE, REGEXP;

    static Optional<Operator> named(String name) {
        return Arrays.stream(values()).filter(o -> o.name().toLowerCase(Locale.ROOT).equals(name)).findFirst();
    }

    String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean pattern() {
        return this == LIKE || this == NLIKE || this == ILIKE || this == NILIKE;
    }

    boolean negative() {
        return this == NEQ || this == NIN || this == NLIKE || this == NILIKE;
    }

    /** The positive twin of a negative operator ({@code neq} → {@code eq}), the operator itself otherwise. */
    Operator positive() {
        return switch (this) {
            case NEQ -> EQ;
            case NIN -> INQ;
            case NLIKE -> LIKE;
            case NILIKE -> ILIKE;
            default -> this;
        };
    }
}
