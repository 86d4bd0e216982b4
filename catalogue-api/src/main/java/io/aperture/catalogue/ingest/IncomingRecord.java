package io.aperture.catalogue.ingest;

import io.aperture.record.FileRef;
import io.aperture.record.Parameter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The part of a harvester record (docs/record-format.md) that the catalogue stores in columns; the rest is kept as JSON.
 * Parameters and files are the shared record types; the references below keep only what the catalogue looks up.
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
        Optional<InstrumentRef> instrument,
        Optional<SampleRef> sample,
        List<TechniqueRef> techniques,
        List<Parameter> parameters,
        List<FileRef> files,
        List<ProcessingRef> processing,
        List<String> derivedFrom) {

    public record InstrumentRef(String name, String shortName) {}

    public record SampleRef(String name, String chemicalFormula, String description) {}

    public record TechniqueRef(String iri, String label) {}

    public record ProcessingRef(String name, String program, String version, String date, Integer sequenceIndex,
                                String parametersJson) {}
}
