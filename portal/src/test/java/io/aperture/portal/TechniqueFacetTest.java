package io.aperture.portal;

import io.aperture.catalogue.panet.Panet;
import io.aperture.catalogue.search.SearchResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TechniqueFacetTest {
    private static final String P = "http://purl.org/pan-science/PaNET/PaNET";
    private static final Panet PANET = Panet.shipped();

    /** The counts the index gives: each dataset counted once under every label of its technique's lineage. */
    private static List<SearchResult.FacetValue> counted(Map<List<String>, Integer> datasetsByTechnique) {
        Map<String, Long> counts = new LinkedHashMap<>();
        datasetsByTechnique.forEach((t, n) -> PANET.lineage(t.get(0), t.get(1)).forEach(l -> counts.merge(l, (long) n, Long::sum)));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> new SearchResult.FacetValue(e.getKey(), e.getValue())).toList();
    }

    private static final Map<List<String>, Integer> DATASETS = Map.of(
            List.of(P + "01101", "X-ray powder diffraction"), 3,
            List.of(P + "01188", "SAXS"), 2,
            List.of("http://example.org/technique/mx", "MX"), 4);

    private static TechniqueFacet.Group group(TechniqueFacet facet, String label) {
        return facet.groups().stream().filter(g -> g.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + label + " in " + facet.groups()));
    }

    private static int depthOf(List<TechniqueFacet.Row> rows, String value) {
        return rows.stream().filter(r -> r.value().equals(value)).mapToInt(TechniqueFacet.Row::depth).min()
                .orElseThrow(() -> new AssertionError(value + " not in " + rows));
    }

    @Test
    void broaderTermsHoldTheirDescendantsAndCountThemRolledUp() {
        TechniqueFacet facet = TechniqueFacet.of(counted(DATASETS), Set.of(), PANET);
        assertThat(facet.loose()).as("a technique of another vocabulary stands alone")
                .containsExactly(new TechniqueFacet.Row("MX", 4, 0, false, 0));
        TechniqueFacet.Group probe = group(facet, "defined by experimental probe");
        assertThat(probe.count()).as("rolled up: both PaNET techniques are probed by x-rays").isEqualTo(5);
        assertThat(probe.open()).as("nothing selected: closed").isFalse();
        List<TechniqueFacet.Row> rows = probe.rows();
        assertThat(depthOf(rows, "photon probe")).isZero();
        assertThat(depthOf(rows, "x-ray probe")).isEqualTo(1);
        assertThat(depthOf(rows, "X-ray powder diffraction")).isEqualTo(2);
        assertThat(depthOf(rows, "SAXS")).isEqualTo(2);
        assertThat(rows.stream().filter(r -> r.value().equals("x-ray probe")).findFirst().orElseThrow().count()).isEqualTo(5);
        assertThat(rows.getFirst().opens()).isTrue();
        assertThat(rows.stream().map(TechniqueFacet.Row::value)).as("largest first among siblings")
                .containsSubsequence("x-ray probe", "X-ray powder diffraction", "SAXS");
        // the same technique shows under each counted term above it: powder diffraction is a process, not a probe
        assertThat(depthOf(group(facet, "defined by experimental physical process").rows(), "X-ray powder diffraction"))
                .isGreaterThan(2);
        assertThat(facet.groups()).isSortedAccordingTo(Comparator.comparingLong(TechniqueFacet.Group::count).reversed());
    }

    @Test
    void everyListOpenedIsClosedAndOnlyGroupsWithASelectionAreOpen() {
        TechniqueFacet facet = TechniqueFacet.of(counted(DATASETS), Set.of("powder diffraction"), PANET);
        for (TechniqueFacet.Group g : facet.groups()) {
            long opened = g.rows().stream().filter(TechniqueFacet.Row::opens).count();
            int closed = g.rows().stream().mapToInt(TechniqueFacet.Row::closes).sum();
            assertThat(closed).as("lists balance in " + g.label()).isEqualTo(opened);
            assertThat(g.open()).as(g.label()).isEqualTo(g.rows().stream().anyMatch(r -> r.value().equals("powder diffraction")));
        }
        assertThat(facet.groups()).anyMatch(TechniqueFacet.Group::open).anyMatch(g -> !g.open());
    }

    @Test
    void aSelectionTheCountsLeaveOutIsStillShownAndTheHomePageListsTheTechniquesAsRecorded() {
        List<SearchResult.FacetValue> values = new ArrayList<>(counted(DATASETS));
        values.add(new SearchResult.FacetValue("neutron probe", 0));
        TechniqueFacet facet = TechniqueFacet.of(values, Set.of("neutron probe"), PANET);
        TechniqueFacet.Group probe = group(facet, "defined by experimental probe");
        assertThat(probe.open()).isTrue();
        assertThat(depthOf(probe.rows(), "neutron probe")).isZero();

        assertThat(TechniqueFacet.mostSpecific(counted(DATASETS), PANET)).extracting(SearchResult.FacetValue::value)
                .containsExactlyInAnyOrder("X-ray powder diffraction", "SAXS", "MX");
    }
}
