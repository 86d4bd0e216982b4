package io.aperture.catalogue.search;

import io.aperture.policy.embargo.EmbargoStatus;
import io.aperture.policy.access.AccessPolicy;
import io.aperture.policy.embargo.EmbargoRules;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Facet values and parameter ranges as the index compares them, checked without an engine. */
class FacetsAndRangesTest {

    @Test
    void facetValuesAreReadAsTheIndexHoldsThemAndOthersAreBadParameters() {
        assertThat(Facets.value("year", "2024")).isEqualTo(2024);
        assertThat(Facets.value("access", "RELEASED")).isEqualTo(EmbargoStatus.RELEASED);
        assertThat(Facets.value("instrument", "i03")).isEqualTo("i03");
        assertThatThrownBy(() -> Facets.value("year", "last")).isInstanceOf(InvalidSearchException.class);
        assertThatThrownBy(() -> Facets.value("access", "OPEN")).isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining("EMBARGOED, RELEASED, WITHDRAWN");
        SearchScope publicScope = SearchScope.of(new AccessPolicy(EmbargoRules.defaults()).publicScope());
        assertThat(Facets.keys(false, publicScope)).isEmpty();
        assertThat(Facets.keys(true, publicScope)).containsOnlyKeys(Facets.FIELDS.keySet());
    }

    @Test
    void countsKeepTheEnginesOrderAndPrintValues() {
        Map<Object, Long> years = new LinkedHashMap<>();
        years.put(2024, 7L);
        years.put(2019, 2L);
        var counts = Facets.counts(Map.of("year", years));
        assertThat(counts.get("year")).extracting(SearchResult.FacetValue::value).containsExactly("2024", "2019");
        assertThat(counts.get("year")).extracting(SearchResult.FacetValue::count).containsExactly(7L, 2L);
    }

    @Test
    void boundsWithAUnitAreComparedInSi() {
        SiRange r = SiRange.of(new SearchRequest.ParameterRange("wavelength", 0.9, 1.1, "angstrom", false, true, null));
        assertThat(r.unit()).isEqualTo("m");
        assertThat(r.min()).isCloseTo(0.9e-10, within(1e-22));
        assertThat(r.max()).isCloseTo(1.1e-10, within(1e-22));
        assertThat(r.maxExclusive()).isTrue();
        SiRange raw = SiRange.of(new SearchRequest.ParameterRange("count", 1.0, 2.0, null));
        assertThat(raw.unit()).isNull();
        assertThat(raw.min()).isEqualTo(1.0);
        assertThatThrownBy(() -> SiRange.of(new SearchRequest.ParameterRange("x", 1.0, 2.0, "furlongs-per-fortnight-ish")))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("unknown unit");
        assertThatThrownBy(() -> SiRange.of(new SearchRequest.ParameterRange("wavelength", 1e308, null, "km")))
                .as("an absurd bound names the parameter field").isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining("beyond the range");
    }
}
