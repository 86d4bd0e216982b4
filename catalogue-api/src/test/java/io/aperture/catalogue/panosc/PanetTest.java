package io.aperture.catalogue.panosc;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
    void techniqueEqualityAndMembershipUseTheClosureOtherOperatorsCompareAsWritten() {
        JpqlWhere w = new JpqlWhere();
        String c = w.condition(FilterParser.where("{\"pid\": \"" + P + "01124\"}"), Entities.TECHNIQUE, "t");
        assertThat(c).isEqualTo("t.iri in (:q0)");
        assertThat(w.params().get("q0")).asInstanceOf(InstanceOfAssertFactories.list(String.class))
                .contains(P + "01124", P + "01188");
        JpqlWhere unknown = new JpqlWhere();
        assertThat(unknown.condition(FilterParser.where("{\"name\": \"home-made technique\"}"), Entities.TECHNIQUE, "t"))
                .isEqualTo("t.label = :q0");
        assertThat(unknown.params()).isEqualTo(Map.of("q0", "home-made technique"));
        assertThat(new JpqlWhere().condition(FilterParser.where("{\"name\": {\"like\": \"scattering\"}}"), Entities.TECHNIQUE, "t"))
                .startsWith("t.label like");
    }
}
