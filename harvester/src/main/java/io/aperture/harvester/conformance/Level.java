package io.aperture.harvester.conformance;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How serious a finding is: an error breaks the definition, a warning weakens reuse, info is for the writer. */
public enum Level {
    ERROR, WARNING, INFO;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
