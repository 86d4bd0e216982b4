package io.aperture.catalogue.ingest;

import io.aperture.catalogue.quality.FairFacts;
import io.aperture.record.FileRef;
import io.aperture.record.Sample;

import java.util.List;

/** What the FAIR assessment reads of an incoming record, with what the catalogue adds (DOI, licence). */
final class RecordFacts {
    private RecordFacts() {
    }

    static FairFacts of(IncomingRecord r, List<FileRef> files, String doi, String licence) {
        return new FairFacts(r.title(), r.startTime() != null, r.instrumentName(), r.sample().map(Sample::name),
                r.definition(), r.techniques(), r.parameters(), r.programName(), r.programVersion(),
                "PROCESSED".equals(r.kind()), r.processing().size(), r.derivedFrom().size(), r.proposal(), files,
                r.findings(), doi, licence);
    }
}
