package io.aperture.catalogue.oaipmh;

import io.aperture.catalogue.input.InstantRange;
import io.aperture.catalogue.oaipmh.OaiException.Code;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The selective-harvesting arguments of a list request: format, set and the datestamp window, with the window held
 * as a half-open interval [from, untilExclusive) so both granularities (day, second) compare alike.
 */
public record ListWindow(MetadataFormat format, Optional<String> set, Optional<Instant> from, Optional<Instant> untilExclusive) {

    /** From the arguments of ListIdentifiers or ListRecords (no resumption token). */
    public static ListWindow of(OaiRequest request) {
        MetadataFormat format = MetadataFormat.require(request.argument("metadataPrefix").orElseThrow());
        Optional<String> fromArg = request.argument("from");
        Optional<String> untilArg = request.argument("until");
        Optional<Bound> from = fromArg.map(v -> parse("from", v));
        Optional<Bound> until = untilArg.map(v -> parse("until", v));
        if (from.isPresent() && until.isPresent()) {
            if (from.get().day() != until.get().day()) {
                throw new OaiException(Code.badArgument, "from and until must have the same granularity");
            }
            if (from.get().start().isAfter(until.get().start())) {
                throw new OaiException(Code.badArgument, "from is later than until");
            }
        }
        return new ListWindow(format, request.argument("set"), from.map(Bound::start), until.map(Bound::endExclusive));
    }

    private record Bound(Instant start, boolean day) {
        Instant endExclusive() {
            return day ? start.plusSeconds(86_400) : start.plusSeconds(1);
        }
    }

    /**
     * A UTCdatetime in either granularity the repository supports (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ), in the years
     * the catalogue stores (year 0000 is refused here, not on the list's second page).
     */
    private static Bound parse(String name, String value) {
        Bound bound = null;
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                bound = new Bound(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant(), true);
            } else if (value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")) {
                bound = new Bound(Instant.parse(value), false);
            }
        } catch (DateTimeParseException e) {
            // falls through to the error below
        }
        if (bound == null) {
            throw new OaiException(Code.badArgument, name + " must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ");
        }
        if (!InstantRange.contains(bound.start())) {
            throw new OaiException(Code.badArgument, name + " must be " + InstantRange.DESCRIPTION);
        }
        return bound;
    }
}
