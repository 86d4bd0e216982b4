package io.aperture.harvester.record;

public record Citation(String doi, String url, String bibtex, String description) {
}
