package io.aperture.catalogue.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.catalogue.input.InputText;
import io.aperture.catalogue.input.InstantRange;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads and validates a report body (docs/api.md "Harvest health"); every problem names its field. */
@ApplicationScoped
public class HarvestReportReader {
    /** Longest subject or reason kept; longer text is cut (a path or an exception message, not a document). */
    static final int MAX_TEXT = 2000;

    /** A report the endpoint refuses, with the field at fault. */
    public static final class InvalidReport extends RuntimeException {
        private final String field;

        InvalidReport(String field, String message) {
            super(field + ": " + message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final int maxEvents;

    HarvestReportReader(HarvestHealthConfig config) {
        this.maxEvents = config.maxEvents();
    }

    public HarvestReport read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidReport("body", "must be a JSON object with 'harvested' and 'events'");
        }
        JsonNode harvested = body.path("harvested");
        if (!harvested.isMissingNode() && !(harvested.canConvertToLong() && harvested.isIntegralNumber() && harvested.asLong() >= 0)) {
            throw new InvalidReport("harvested", "must be a whole number >= 0");
        }
        JsonNode events = body.path("events");
        if (!events.isMissingNode() && !events.isArray()) {
            throw new InvalidReport("events", "must be an array");
        }
        if (events.size() > maxEvents) {
            throw new InvalidReport("events", "a report holds at most " + maxEvents + " events; this one has " + events.size());
        }
        List<HarvestEvent> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            out.add(event(events.get(i), "events[" + i + "]"));
        }
        return new HarvestReport(harvested.asLong(0), List.copyOf(out));
    }

    private static HarvestEvent event(JsonNode e, String at) {
        if (!e.isObject()) {
            throw new InvalidReport(at, "must be an object with kind, subject, reason and at");
        }
        HarvestEventKind kind;
        try {
            kind = HarvestEventKind.valueOf(text(e, at, "kind").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException x) {
            throw new InvalidReport(at + ".kind", "must be one of REFUSED, SWMR_WAITING, DEAD_LETTER");
        }
        Instant when;
        try {
            when = Instant.parse(text(e, at, "at"));
        } catch (DateTimeParseException x) {
            throw new InvalidReport(at + ".at", "must be an ISO-8601 instant such as 2026-12-05T03:00:00Z");
        }
        if (!InstantRange.contains(when)) {
            throw new InvalidReport(at + ".at", "must be " + InstantRange.DESCRIPTION);
        }
        return new HarvestEvent(kind, cut(text(e, at, "subject")), cut(text(e, at, "reason")), when);
    }

    private static String text(JsonNode e, String at, String name) {
        JsonNode v = e.path(name);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new InvalidReport(at + "." + name, "must be a non-empty string");
        }
        // long text is cut, not refused; a character the database or an export cannot hold is refused by name
        InputText.problem(v.asText(), Integer.MAX_VALUE).ifPresent(p -> {
            throw new InvalidReport(at + "." + name, p);
        });
        return v.asText();
    }

    private static String cut(String s) {
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "…" : s;
    }
}
