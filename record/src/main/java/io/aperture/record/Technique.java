package io.aperture.record;

public record Technique(String iri, String label) {
}
