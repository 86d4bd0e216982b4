package io.aperture.record;

import com.fasterxml.jackson.databind.JsonNode;

public record Processing(String name, String program, String version, String date, Long sequenceIndex,
                         JsonNode parameters, String note) {
}
