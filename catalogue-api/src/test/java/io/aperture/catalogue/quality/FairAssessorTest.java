package io.aperture.catalogue.quality;

import io.aperture.record.FileRef;
import io.aperture.record.Parameter;
import io.aperture.record.QualityFinding;
import io.aperture.record.Technique;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class FairAssessorTest {
    static final Technique MX = new Technique("http://purl.org/pan-science/PaNET/PaNET01188", "macromolecular crystallography");
    static final Parameter WAVELENGTH = new Parameter("/entry/instrument/beam/incident_wavelength", 0.9763, null,
            "angstrom", 9.763e-11, "m", true);
    static final FileRef MASTER = new FileRef("/dls/i03/data/x.nxs", FileRef.Role.MASTER, 10L,
            Instant.parse("2026-01-01T00:00:00Z"), false, "ab".repeat(32), null);

    /** A record that meets every metric. */
    static FairFacts complete() {
        return new FairFacts("Lysozyme", true, Optional.of("DIAMOND BEAMLINE I03"), Optional.of("lysozyme"),
                Optional.of("NXmx"), List.of(MX), List.of(WAVELENGTH), Optional.of("GDA"), Optional.of("9.2"), false, 0, 0,
                Optional.of("DLS-mx1001"), List.of(MASTER), Optional.of(List.of(
                        new QualityFinding("warning", "/entry/sample", "recommended", "NXmx recommends name"))),
                "10.5555/abc", "CC-BY-4.0");
    }

    static Map<String, FairResult> byMetric(FairAssessment a) {
        return a.metrics().stream().collect(Collectors.toMap(FairResult::metric, Function.identity()));
    }

    @Test
    void aCompleteRecordPassesEveryMetricWithItsReason() {
        FairAssessment a = FairAssessor.assess(complete());
        assertThat(a.metrics()).hasSize(FairMetric.values().length).allMatch(FairResult::passed);
        assertThat(a.score()).isEqualTo(100);
        Map<String, FairResult> m = byMetric(a);
        assertThat(m.get("identifier").reason()).isEqualTo("DOI 10.5555/abc (registered at DataCite, resolves)");
        assertThat(m.get("identifier").fujiId()).isEqualTo("FsF-F1-02D");
        assertThat(m.get("community-standard").reason()).isEqualTo("conforms to NXmx");
        assertThat(m.get("provenance").reason()).isEqualTo("written by GDA 9.2");
    }

    @Test
    void aBareRecordFailsAndEachReasonNamesWhatIsMissing() {
        FairFacts bare = new FairFacts("Scan 1", false, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(new Technique("https://example.org/my-technique", "mine"),
                        new Technique("http://purl.org/pan-science/PaNET/PaNET99999", "mistyped")),
                List.of(new Parameter("/entry/x", 3.0, null, "pixels", null, null, false)),
                Optional.of("writer"), Optional.empty(), true, 0, 0, Optional.empty(),
                List.of(new FileRef("/data/a.nxs", FileRef.Role.MASTER, null, null, false, null, null)),
                Optional.empty(), null, null);
        FairAssessment a = FairAssessor.assess(bare);
        assertThat(a.metrics()).noneMatch(FairResult::passed);
        assertThat(a.score()).isZero();
        Map<String, FairResult> m = byMetric(a);
        assertThat(m.get("rich-metadata").reason()).isEqualTo("missing: start time, instrument, sample");
        assertThat(m.get("searchable").reason()).isEqualTo("no facet value for: instrument, application definition");
        assertThat(m.get("vocabulary-techniques").reason()).isEqualTo("not a PaNET class: https://example.org/my-technique, http://purl.org/pan-science/PaNET/PaNET99999");
        assertThat(m.get("vocabulary-units").reason()).isEqualTo("1 of 1 units not understood: /entry/x [pixels]");
        assertThat(m.get("metadata-persistence").reason()).isEqualTo("1 of 1 files without a checksum (harvest with checksums)");
        assertThat(m.get("qualified-references").reason()).isEqualTo("neither a proposal nor source datasets");
        assertThat(m.get("provenance").reason()).isEqualTo("program writer without a version");
        assertThat(m.get("community-standard").reason()).isEqualTo("no application definition declared");
        assertThat(m.get("licence").passed()).isFalse();
        assertThat(m.get("identifier").passed()).isFalse();
        assertThat(m.get("identifier").reason()).contains("no resolving DOI");
    }

    @Test
    void errorsAgainstTheDefinitionFailTheCommunityStandardAndTheScoreCountsMetricsEqually() {
        FairFacts c = complete();
        FairFacts failing = new FairFacts(c.title(), true, c.instrument(), c.sample(), c.definition(), c.techniques(),
                c.parameters(), c.programName(), c.programVersion(), false, 0, 0, c.proposal(), c.files(),
                Optional.of(List.of(new QualityFinding("error", "/entry/sample/name", "required", "NXmx requires field name"),
                        new QualityFinding("info", "/entry/x", "misplaced", "x"))), null, c.licence());
        FairAssessment a = FairAssessor.assess(failing);
        Map<String, FairResult> m = byMetric(a);
        assertThat(m.get("community-standard").reason()).isEqualTo("1 errors against NXmx");
        assertThat(a.metrics().stream().filter(r -> !r.passed()).map(FairResult::metric))
                .containsExactly("identifier", "community-standard");
        assertThat(a.score()).isEqualTo(80);
    }

    @Test
    void processedDataNeedsItsProcessingAndADefinitionUncheckedIsNotConformance() {
        FairFacts c = complete();
        FairFacts processed = new FairFacts(c.title(), true, c.instrument(), c.sample(), c.definition(), c.techniques(),
                c.parameters(), c.programName(), c.programVersion(), true, 0, 0, c.proposal(), c.files(),
                Optional.empty(), c.doi(), c.licence());
        Map<String, FairResult> m = byMetric(FairAssessor.assess(processed));
        assertThat(m.get("provenance").reason()).isEqualTo("processed data without processing steps or sources");
        assertThat(m.get("community-standard").reason()).isEqualTo("NXmx declared, but the file was not checked");
    }
}
