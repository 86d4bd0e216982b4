package io.aperture.catalogue.quality;

import io.aperture.record.FileRef;
import io.aperture.record.Parameter;
import io.aperture.record.QualityFinding;
import io.aperture.record.Technique;

import java.util.List;
import java.util.Optional;

/**
 * What the FAIR assessment reads of a dataset: its harvested record's fields (the shared record types) and what the
 * catalogue added (the DOI it named, the licence the policy announces).
 *
 * @param findings the record's conformance findings; empty when the file was not checked
 * @param doi      the DOI the catalogue named for the dataset, or null
 * @param licence  the SPDX id of the licence the record is or will be published under, or null
 */
public record FairFacts(String title, boolean collectionTime, Optional<String> instrument, Optional<String> sample,
                        Optional<String> definition, List<Technique> techniques, List<Parameter> parameters,
                        Optional<String> programName, Optional<String> programVersion, boolean processed,
                        int processingSteps, int derivedFrom, Optional<String> proposal, List<FileRef> files,
                        Optional<List<QualityFinding>> findings, String doi, String licence) {
    public FairFacts {
        techniques = List.copyOf(techniques);
        parameters = List.copyOf(parameters);
        files = List.copyOf(files);
        findings = findings.map(List::copyOf);
    }
}
