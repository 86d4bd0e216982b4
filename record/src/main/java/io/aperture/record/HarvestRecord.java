package io.aperture.record;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** One catalogue record per NXentry: the harvester record format, version 1 (see docs/record-format.md). */
public record HarvestRecord(int formatVersion, String facility, SourceRef source, Identity identity, String title,
                            Kind kind, Instant startTime, Instant endTime, Instant producedAt, Program program,
                            Definition definition, Instrument instrument, Sample sample, List<User> users,
                            List<Technique> techniques, List<Parameter> parameters, List<Processing> processing,
                            List<String> derivedFrom, List<Citation> citations, DefaultPlot defaultPlot,
                            List<FileRef> files, List<DatasetInfo> datasets, List<String> warnings,
                            List<QualityFinding> findings, String preview) {

    public static final int FORMAT_VERSION = 1;

    /** The largest preview the catalogue accepts: a PNG of at most this many bytes, sent base64 in {@link #preview}. */
    public static final int MAX_PREVIEW_BYTES = 256 * 1024;
    /** The longest text value the catalogue stores (characters): a longer one refuses the whole record. */
    public static final int MAX_TEXT = 4_000;
    /** The most parameters one record may carry: more refuses the whole record. */
    public static final int MAX_PARAMETERS = 5_000;
    /** The earliest and latest instant a record may name (the years 1 to 9999, as PostgreSQL and ISO 8601 hold them). */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

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

    /** A record without a preview (optional: null when the default plot was not rendered). */
    public HarvestRecord(int formatVersion, String facility, SourceRef source, Identity identity, String title,
                         Kind kind, Instant startTime, Instant endTime, Instant producedAt, Program program,
                         Definition definition, Instrument instrument, Sample sample, List<User> users,
                         List<Technique> techniques, List<Parameter> parameters, List<Processing> processing,
                         List<String> derivedFrom, List<Citation> citations, DefaultPlot defaultPlot,
                         List<FileRef> files, List<DatasetInfo> datasets, List<String> warnings,
                         List<QualityFinding> findings) {
        this(formatVersion, facility, source, identity, title, kind, startTime, endTime, producedAt, program, definition,
                instrument, sample, users, techniques, parameters, processing, derivedFrom, citations, defaultPlot, files,
                datasets, warnings, findings, null);
    }

    /** This record with the conformance findings of its entry. */
    public HarvestRecord withFindings(List<QualityFinding> entryFindings) {
        return new HarvestRecord(formatVersion, facility, source, identity, title, kind, startTime, endTime, producedAt,
                program, definition, instrument, sample, users, techniques, parameters, processing, derivedFrom, citations,
                defaultPlot, files, datasets, warnings, entryFindings == null ? null : List.copyOf(entryFindings), preview);
    }

    /** This record with the PNG preview of its default plot (base64; optional: null when there is none). */
    public HarvestRecord withPreview(byte[] png) {
        return new HarvestRecord(formatVersion, facility, source, identity, title, kind, startTime, endTime, producedAt,
                program, definition, instrument, sample, users, techniques, parameters, processing, derivedFrom, citations,
                defaultPlot, files, datasets, warnings, findings, png == null ? null : Base64.getEncoder().encodeToString(png));
    }

    public enum Kind { RAW, PROCESSED }
}
