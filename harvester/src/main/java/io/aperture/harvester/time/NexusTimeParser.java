package io.aperture.harvester.time;

import io.aperture.record.HarvestRecord;

import java.time.format.SignStyle;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date-time spellings met in NeXus files into instants. ISO 8601 with or without zone, with a space
 * instead of 'T', with fractional seconds, zone offsets with or without a colon ({@code -0600}), {@code Z};
 * SOLEIL's {@code 2008-11-18T12-41-20.494}; and the C {@code asctime} form {@code Tue Mar 13 09:07:07 2007} written by
 * old NeXus API versions. A time without zone is taken in the facility zone.
 */
public final class NexusTimeParser {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ]+(\\d{1,2})[:\\-](\\d{2})(?:[:\\-](\\d{2})(?:[.,](\\d{1,9}))?)?)?\\s*"
                    + "(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("EEE MMM")
            .appendLiteral(' ').optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
            .appendPattern(" HH:mm:ss yyyy").toFormatter(Locale.ENGLISH);

    private final ZoneId facilityZone;

    public NexusTimeParser(ZoneId facilityZone) {
        this.facilityZone = facilityZone;
    }

    public ZoneId facilityZone() {
        return facilityZone;
    }

    public Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            Matcher m = ISO.matcher(s);
            Instant at = m.matches() ? fromIso(m)
                    : LocalDateTime.parse(s.replaceAll("\\s+", " "), ASCTIME).atZone(facilityZone).toInstant();
            // the catalogue refuses a whole record holding a date outside the years 1-9999 (year 0000 is a writer's
            // placeholder): such a time is as unreadable as garbage
            return at.isBefore(HarvestRecord.EARLIEST) || at.isAfter(HarvestRecord.LATEST) ? Optional.empty() : Optional.of(at);
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Instant fromIso(Matcher m) {
        int nanos = 0;
        if (m.group(7) != null) {
            String frac = (m.group(7) + "000000000").substring(0, 9);
            nanos = Integer.parseInt(frac);
        }
        LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                m.group(5) == null ? 0 : Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                nanos);
        String zone = m.group(8);
        if (zone == null) {
            return local.atZone(facilityZone).toInstant();
        }
        if (zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) {
            return local.toInstant(ZoneOffset.UTC);
        }
        String digits = zone.replace(":", "");
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        return OffsetDateTime.of(local, ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes)).toInstant();
    }
}
