package io.aperture.portal;

import io.aperture.catalogue.model.Dataset;
import io.aperture.policy.access.LicenceTerms;
import io.aperture.policy.access.Visibility;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a landing page may show, cut to the caller's visibility while the transaction is open: the template never
 * sees a field it must not print.
 */
public record DatasetView(String pid, String title, Visibility visibility, String accessState, boolean embargoed,
                          LocalDate embargoEnd, String licence, URI licenceUrl, boolean licenceInForce, String doi, Integer year, String facility, String instrument,
                          String proposal, String sample, String chemicalFormula, String definition, String kind,
                          Instant start, Instant end, List<String> techniques, List<Param> parameters,
                          List<File> files, List<Step> steps) {

    public record Param(String name, String value, String unit) {}

    public record File(String path, String role, Long size, boolean missing) {}

    public record Step(int seq, String name, String program, String version) {}

    public boolean showsMetadata() {
        return visibility.showsMetadata();
    }

    public boolean showsFiles() {
        return visibility.showsFiles();
    }

    /**
     * @param v        what the policy lets the caller see
     * @param licence  the licence terms the policy states for the record
     * @param endDay   the day the embargo ends, in the facility's calendar
     */
    static DatasetView of(Dataset d, Visibility v, LicenceTerms licence, LocalDate endDay) {
        boolean meta = v.showsMetadata();
        return new DatasetView(d.pid, d.title, v, d.accessState.name(), d.accessState.underEmbargo(), endDay,
                licence.inForce() && d.license != null ? d.license : licence.licence().spdxId(), licence.licence().url(),
                licence.inForce(), d.doi, d.getYear(),
                d.facility.name, meta && d.instrument != null ? d.instrument.name : null,
                meta && d.proposal != null ? d.proposal.code : null,
                meta && d.sample != null ? d.sample.name : null,
                meta && d.sample != null ? d.sample.chemicalFormula : null,
                meta ? d.definition : null, meta ? d.kind : null,
                meta ? d.collectionStart : null, meta ? d.collectionEnd : null,
                meta ? d.techniques.stream().map(t -> t.label).toList() : List.of(),
                meta ? d.parameters.stream().limit(500).map(p -> new Param(p.name,
                        p.numericValue != null ? String.valueOf(p.numericValue) : p.textValue, p.unit)).toList() : List.of(),
                v.showsFiles() ? d.files.stream().map(f -> new File(f.path, f.role, f.sizeBytes, f.missing)).toList() : List.of(),
                meta ? d.processingSteps.stream().map(s -> new Step(s.seq, s.name, s.program, s.programVersion)).toList() : List.of());
    }
}
