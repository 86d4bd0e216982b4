package io.aperture.catalogue.ingest;

import io.aperture.record.Citation;
import io.aperture.record.FileRef;
import io.aperture.record.Instrument;
import io.aperture.record.Parameter;
import io.aperture.record.Processing;
import io.aperture.record.QualityFinding;
import io.aperture.record.Sample;
import io.aperture.record.Technique;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The part of a harvester record (docs/record-format.md) that the catalogue stores in columns; the rest is kept as JSON.
 * Every nested value is the shared record type of {@code record/}: the catalogue has no record shapes of its own.
 * {@code citations} are the record's NXcite entries (PaNOSC publications). {@code findings} is empty when the harvester did not check the file (the field absent or null).
 */
public record IncomingRecord(
        String facility,
        String sourcePath,
        String entry,
        String kind,
        String title,
        Instant startTime,
        Instant endTime,
        Instant producedAt,
        Optional<String> proposal,
        Optional<String> visit,
        Optional<String> scanNumber,
        Optional<String> definition,
        Optional<String> programName,
        Optional<String> programVersion,
        Optional<Instrument> instrument,
        Optional<Sample> sample,
        List<Technique> techniques,
        List<Parameter> parameters,
        List<FileRef> files,
        List<Processing> processing,
        List<String> derivedFrom,
        List<Citation> citations,
        Optional<List<QualityFinding>> findings) {

    /** The catalogue keys an instrument by its name, or by its short name when the file gives no name. */
    public Optional<String> instrumentName() {
        return instrument.map(i -> i.name() != null ? i.name() : i.shortName());
    }
}
