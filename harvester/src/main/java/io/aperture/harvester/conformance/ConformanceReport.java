package io.aperture.harvester.conformance;

import java.util.List;

/**
 * The result of checking one file: its findings (at most the configured bound, {@code omitted} more were counted
 * but not kept), or the reason the file was refused before any check ({@code refused}, e.g. "HDF4: ...").
 */
public record ConformanceReport(String file, String refused, List<Finding> findings, int omitted) {

    public static ConformanceReport refusal(String file, String reason) {
        return new ConformanceReport(file, reason, List.of(), 0);
    }

    public long count(Level level) {
        return findings.stream().filter(f -> f.level() == level).count();
    }

    /** True when the file can be used and has no error: what a CI job at the beamline asks. */
    public boolean passes() {
        return refused == null && count(Level.ERROR) == 0;
    }
}
