package io.aperture.catalogue.panet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PanetTest {
    private static final String P = "http://purl.org/pan-science/PaNET/PaNET";

    @Test
    void aTermStandsForItselfAndEveryDescendantByPidLabelOrAlternativeLabel() {
        Panet panet = Panet.shipped();
        // small angle scattering (01124) has SAXS (01188) below it, and SAXS its own variants (GISAXS 01282, …)
        assertThat(panet.closure(P + "01124")).contains(P + "01124", P + "01188", P + "01282");
        assertThat(panet.closure("Small Angle X-Ray Scattering")).startsWith(P + "01188").contains(P + "01282")
                .doesNotContain(P + "01124");
        assertThat(panet.closure("SAXS")).isEqualTo(panet.closure(P + "01188"));
        // the root reaches (nearly) everything, a leaf only itself
        assertThat(panet.closure(P + "00001").size()).isGreaterThan(300);
        assertThat(panet.closure("no such technique")).isEmpty();
    }

    @Test
    void aTechniqueIsCountedUnderItsLabelAndEveryPanetAncestorButTheTopClass() {
        Panet panet = Panet.shipped();
        // x-ray powder diffraction (01101): below "x-ray probe" (a probe) and "powder diffraction" (a process)
        var lineage = panet.lineage(P + "01101", "X-ray powder diffraction");
        assertThat(lineage.getFirst()).as("the label as recorded comes first").isEqualTo("X-ray powder diffraction");
        assertThat(lineage).contains("x-ray probe", "photon probe", "defined by experimental probe", "powder diffraction",
                "diffraction", "elastic scattering", "scattering technique", "defined by experimental physical process")
                .doesNotContain("photon and neutron technique").doesNotHaveDuplicates();
        assertThat(lineage.indexOf("x-ray probe")).as("nearest first").isLessThan(lineage.indexOf("photon probe"));
        // by label alone (no IRI recorded), the same ancestors
        assertThat(panet.lineage(null, "SAXS")).startsWith("SAXS").contains("small angle scattering", "x-ray probe");
        // a technique of another vocabulary is counted under its own label only, though PaNET knows "MX" as a label
        assertThat(panet.lineage("http://example.org/technique/mx", "MX")).containsExactly("MX");
        assertThat(panet.lineage(null, "MX")).as("without an IRI, by label").contains("MX", "crystallography");
        assertThat(panet.lineage(null, "no such technique")).containsExactly("no such technique");
        assertThat(panet.lineage(P + "01101", null).getFirst()).isEqualTo("x-ray powder diffraction");
        assertThat(panet.lineage(P + "01101", P + "01101").getFirst()).as("recorded without a label")
                .isEqualTo("x-ray powder diffraction");
    }

    @Test
    void theHierarchyAboveAClassAndItsAxes() {
        Panet panet = Panet.shipped();
        assertThat(panet.broader(P + "01101")).extracting(panet::label)
                .containsExactlyInAnyOrder("x-ray probe", "powder diffraction");
        assertThat(panet.broader(P + "00002")).as("the top class is left out").isEmpty();
        assertThat(panet.isAxis(P + "00002")).isTrue();
        assertThat(panet.isAxis(P + "00001")).as("the top class is no axis").isFalse();
        assertThat(panet.isAxis(P + "01101")).isFalse();
        assertThat(panet.classNamed("X-Ray Powder Diffraction")).contains(P + "01101");
        assertThat(panet.classNamed(P + "01101")).contains(P + "01101");
        assertThat(panet.classNamed("no such technique")).isEmpty();
    }
}
