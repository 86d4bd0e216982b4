package io.aperture.catalogue.quality;

import io.aperture.catalogue.input.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the quality report groups and filters datasets, each with its SQL expression over {@code dataset d} and
 * {@code instrument i}. The catalogue knows one instrument level, the NeXus {@code NXinstrument} name, which at the
 * facilities it serves names the beamline: {@code beamline} and {@code instrument} are the same grouping.
 */
public enum Grouping {
    BEAMLINE("coalesce(i.name, '')"),
    INSTRUMENT("coalesce(i.name, '')"),
    DEFINITION("coalesce(d.definition, '')"),
    YEAR("to_char(d.produced_at AT TIME ZONE 'UTC', 'YYYY')");

    private final String sql;

    Grouping(String sql) {
        this.sql = sql;
    }

    /** The SQL of the value a dataset has in this grouping (text; '' for none). */
    String sql() {
        return sql;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Grouping of(String name) {
        return Arrays.stream(values()).filter(g -> g.key().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("by", "must be one of " + Arrays.stream(values())
                        .map(Grouping::key).collect(Collectors.joining(", "))));
    }
}
