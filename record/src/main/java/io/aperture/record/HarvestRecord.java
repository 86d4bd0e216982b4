package io.aperture.record;

import java.time.Instant;
import java.util.List;

/** One catalogue record per NXentry: the harvester record format, version 1 (see docs/record-format.md). */
public record HarvestRecord(int formatVersion, String facility, SourceRef source, Identity identity, String title,
                            Kind kind, Instant startTime, Instant endTime, Instant producedAt, Program program,
                            Definition definition, Instrument instrument, Sample sample, List<User> users,
                            List<Technique> techniques, List<Parameter> parameters, List<Processing> processing,
                            List<String> derivedFrom, List<Citation> citations, DefaultPlot defaultPlot,
                            List<FileRef> files, List<DatasetInfo> datasets, List<String> warnings,
                            List<QualityFinding> findings) {

    public static final int FORMAT_VERSION = 1;

    /** A record without findings (optional: null when the file was not checked). */
    public HarvestRecord(int formatVersion, String facility, SourceRef source, Identity identity, String title,
                         Kind kind, Instant startTime, Instant endTime, Instant producedAt, Program program,
                         Definition definition, Instrument instrument, Sample sample, List<User> users,
                         List<Technique> techniques, List<Parameter> parameters, List<Processing> processing,
                         List<String> derivedFrom, List<Citation> citations, DefaultPlot defaultPlot,
                         List<FileRef> files, List<DatasetInfo> datasets, List<String> warnings) {
        this(formatVersion, facility, source, identity, title, kind, startTime, endTime, producedAt, program, definition,
                instrument, sample, users, techniques, parameters, processing, derivedFrom, citations, defaultPlot, files,
                datasets, warnings, null);
    }

    /** This record with the conformance findings of its entry. */
    public HarvestRecord withFindings(List<QualityFinding> entryFindings) {
        return new HarvestRecord(formatVersion, facility, source, identity, title, kind, startTime, endTime, producedAt,
                program, definition, instrument, sample, users, techniques, parameters, processing, derivedFrom, citations,
                defaultPlot, files, datasets, warnings, entryFindings == null ? null : List.copyOf(entryFindings));
    }

    public enum Kind { RAW, PROCESSED }
}
