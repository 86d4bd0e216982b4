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
}
