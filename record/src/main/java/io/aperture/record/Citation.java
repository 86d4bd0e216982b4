package io.aperture.record;

public record Citation(String doi, String url, String bibtex, String description) {
}
