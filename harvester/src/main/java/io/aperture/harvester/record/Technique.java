package io.aperture.harvester.record;

public record Technique(String iri, String label) {
}
