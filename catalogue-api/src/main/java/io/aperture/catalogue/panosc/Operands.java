package io.aperture.catalogue.panosc;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.catalogue.input.InstantRange;
import io.aperture.catalogue.search.InvalidSearchException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The operand of a {@code where} condition read as the property's type, with LoopBack's coercions (PANOSC.md §3.2). */
final class Operands {
    private Operands() {
    }

    static Optional<String> scalar(JsonNode v) {
        return v != null && v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
    }

    static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        values(v).forEach(x -> scalar(x).ifPresent(out::add));
        return out;
    }

    /** An array's items, or the one value. */
    static Stream<JsonNode> values(JsonNode v) {
        List<JsonNode> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(out::add);
        } else {
            out.add(v);
        }
        return out.stream();
    }

    /** LoopBack's boolean coercion: true, false, "true", "false", 1, 0, "1", "0"; anything else is a 400. */
    static boolean truth(JsonNode v, String at) {
        String s = v.isBoolean() || v.isNumber() || v.isTextual() ? v.asText() : "";
        return switch (s) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new InvalidSearchException(at, "must be true or false");
        };
    }

    /** A number, or a string holding one (the PaNOSC portal sends {@code "7300"}); finite only. */
    static Optional<Double> number(JsonNode v) {
        double d;
        if (v.isNumber()) {
            d = v.doubleValue();
        } else if (v.isTextual()) {
            try {
                d = Double.parseDouble(v.textValue().strip());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
    }

    /**
     * An instant, a date-time with or without offset (UTC then), a date (its start, UTC), or epoch milliseconds; one
     * beyond the years the catalogue stores ({@link InstantRange}) is taken as the range's end. Every stored date lies
     * within it, so the comparison answers the same, and neither PostgreSQL nor the engine is handed a year they cannot
     * hold (the reference answers such a condition; so do we).
     */
    static Optional<Instant> date(JsonNode v, String at) {
        return parsedDate(v, at).map(Operands::withinStored);
    }

    /** Below the range: a millisecond before its start, so that no stored date equals it; above: its end. */
    private static Instant withinStored(Instant i) {
        if (i.isBefore(InstantRange.EARLIEST)) {
            return InstantRange.EARLIEST.minusMillis(1);
        }
        return i.isAfter(InstantRange.LATEST) ? InstantRange.LATEST : i;
    }

    private static Optional<Instant> parsedDate(JsonNode v, String at) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return Optional.of(Instant.ofEpochMilli(v.longValue()));
        }
        if (!v.isTextual()) {
            return Optional.empty();
        }
        String s = v.textValue().strip();
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the shorter forms
        }
        try {
            return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // try a date
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidSearchException(at, "is not a date: use ISO-8601, e.g. 2020-05-05T15:01:02.341Z");
        }
    }

    /** {@code isPublic}: everything served here is public, so a condition matches all or nothing. */
    static boolean publicMatches(Condition.Compare c) {
        JsonNode v = c.operand();
        return switch (c.op()) {
            case EQ -> truth(v, c.at());
            case NEQ -> !truth(v, c.at());
            case INQ -> values(v).anyMatch(x -> truth(x, c.at()));
            case NIN -> values(v).noneMatch(x -> truth(x, c.at()));
            default -> false;
        };
    }
}
