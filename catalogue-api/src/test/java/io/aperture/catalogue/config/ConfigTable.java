package io.aperture.catalogue.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rows of the configuration reference table: key, the default when one is stated as a value, its variable. */
final class ConfigTable {
    private static final Pattern ROW = Pattern.compile("^\\| `(aperture\\.[a-z0-9.-]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);
    private static final Pattern VALUE = Pattern.compile("^`([^`]*)`");
    private static final Pattern VARIABLE = Pattern.compile("\\(`(APERTURE_[A-Z_]+)`");

    record Row(String key, Optional<String> defaultValue, Optional<String> environmentVariable) {}

    private ConfigTable() {
    }

    static Map<String, Row> parse(String markdown) {
        Map<String, Row> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(markdown.substring(markdown.indexOf("## Configuration reference")));
        while (m.find()) {
            String cell = m.group(2).strip();
            Matcher value = VALUE.matcher(cell);
            Matcher variable = VARIABLE.matcher(cell);
            rows.put(m.group(1), new Row(m.group(1), value.find() ? Optional.of(value.group(1)) : Optional.empty(),
                    variable.find() ? Optional.of(variable.group(1)) : Optional.empty()));
        }
        return rows;
    }
}
