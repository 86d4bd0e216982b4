package io.aperture.harvester.conformance;

/** One finding: how serious, where in the file (a NeXus path), which rule, and what a person should fix. */
public record Finding(Level level, String path, Rule rule, String message) {
}
