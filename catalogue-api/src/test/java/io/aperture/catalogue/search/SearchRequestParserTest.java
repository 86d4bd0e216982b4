package io.aperture.catalogue.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchRequestParserTest {

    @Test
    void upperCaseBooleanWordsBecomeOperatorsOutsideQuotes() {
        assertThat(SearchRequestParser.booleanWords("thaumatin OR lysozyme")).isEqualTo("thaumatin | lysozyme");
        assertThat(SearchRequestParser.booleanWords("ice AND pressure NOT water")).isEqualTo("ice + pressure -water");
        assertThat(SearchRequestParser.booleanWords("\"Black OR White\" OR grey")).isEqualTo("\"Black OR White\" | grey");
        assertThat(SearchRequestParser.booleanWords("Oregon or ORCID")).isEqualTo("Oregon or ORCID");
    }

    @Test
    void facetsAreCountedUnlessTurnedOff() {
        assertThat(SearchRequestParser.parse(Map.of()).facets()).isTrue();
        assertThat(SearchRequestParser.parse(Map.of("facets", List.of("false"))).facets()).isFalse();
        assertThat(SearchRequestParser.parse(Map.of("facets", List.of("TRUE"))).facets()).isTrue();
    }

    @Test
    void hostileParametersAreRefusedByName() {
        assertThatThrownBy(() -> SearchRequestParser.parse(Map.of("size", List.of("0")))).hasMessageStartingWith("size:");
        assertThatThrownBy(() -> SearchRequestParser.parse(Map.of("q", List.of("x".repeat(501))))).hasMessageStartingWith("q:");
        assertThatThrownBy(() -> SearchRequestParser.parse(Map.of("param", List.of("name:a:b")))).hasMessageStartingWith("param:");
        assertThatThrownBy(() -> SearchRequestParser.parse(Map.of("param", List.of("name:1:NaN")))).hasMessageStartingWith("param:");
        assertThatThrownBy(() -> SearchRequestParser.parse(Map.of("sort", List.of("random")))).hasMessageStartingWith("sort:");
        assertThatThrownBy(() -> SearchRequestParser.parse(Map.of("year", List.of("20x5")))).hasMessageStartingWith("year:");
        assertThatThrownBy(() -> SearchRequestParser.parse(Map.of("q", List.of("a", "b")))).hasMessageStartingWith("q:");
        assertThatThrownBy(() -> SearchRequestParser.parse(Map.of("facets", List.of("no")))).hasMessageStartingWith("facets:");
    }

    @Test
    void parameterRangesKeepTheirUnit() {
        SearchRequest r = SearchRequestParser.parse(Map.of("param", List.of("/entry/beam/incident_wavelength:0.9:1.1:Angstrom")));
        assertThat(r.parameters()).containsExactly(
                new SearchRequest.ParameterRange("/entry/beam/incident_wavelength", 0.9, 1.1, "Angstrom"));
    }
}
