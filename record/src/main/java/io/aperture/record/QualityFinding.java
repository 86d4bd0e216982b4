package io.aperture.record;

/**
 * A metadata-quality finding of the harvester's conformance check (docs/metadata-quality.md): level ("error",
 * "warning" or "info"), the NeXus path, the rule id and a message saying what to fix.
 */
public record QualityFinding(String level, String path, String rule, String message) {
}
