package io.aperture.catalogue.quality;

import io.aperture.catalogue.input.InputText;
import io.aperture.catalogue.input.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report's grouping and filters as the API and the staff page take them, checked: a filter value is a text of
 * at most {@link InputText#MAX_IDENTIFIER} characters (empty selects the datasets without one), a year four digits.
 */
public record QualityQuery(Grouping by, Map<Grouping, String> filters) {
    public QualityQuery {
        filters = Map.copyOf(filters);
    }

    public static QualityQuery of(String by, String beamline, String instrument, String definition, String year) {
        Map<Grouping, String> filters = new LinkedHashMap<>();
        put(filters, Grouping.BEAMLINE, beamline);
        put(filters, Grouping.INSTRUMENT, instrument);
        put(filters, Grouping.DEFINITION, definition);
        if (year != null && !year.isEmpty()) {
            if (!year.matches("\\d{4}")) {
                throw new InvalidInputException("year", "must be a four-digit year");
            }
            filters.put(Grouping.YEAR, year);
        }
        return new QualityQuery(Grouping.of(by == null || by.isEmpty() ? "beamline" : by), filters);
    }

    private static void put(Map<Grouping, String> filters, Grouping g, String value) {
        if (value != null) {
            InvalidInputException.requireText(g.key(), value, InputText.MAX_IDENTIFIER);
            filters.put(g, value);
        }
    }
}
