package io.aperture.catalogue.search;

import org.junit.jupiter.api.Test;

import java.util.Collections;
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

    /** Days beyond the engine's milliseconds, and more ranges than the engine's clause limit, are a 400 naming them. */
    @Test
    void farDaysAndTooManyRangesAreRefusedByName() {
        for (String day : List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-12-31")) {
            assertThatThrownBy(() -> SearchRequestParser.parse(Map.of("to", List.of(day)))).as(day)
                    .hasMessage("to: must be a day between the years 1 and 9999");
        }
        assertThat(SearchRequestParser.parse(Map.of("from", List.of("0001-01-01"), "to", List.of("9999-12-31"))).produced().to())
                .isPresent();
        List<String> ranges = Collections.nCopies(SearchRequestParser.MAX_RANGES, "a:1:2");
        assertThat(SearchRequestParser.parse(Map.of("param", ranges)).parameters()).hasSize(SearchRequestParser.MAX_RANGES);
        List<String> more = Collections.nCopies(SearchRequestParser.MAX_RANGES + 1, "a:1:2");
        assertThatThrownBy(() -> SearchRequestParser.parse(Map.of("param", more))).hasMessageStartingWith("param: at most 20");
    }

    /** The engine orders -0.0 below +0.0: a bound of -0 is +0, so "at most -0" finds the parameters stored as 0. */
    @Test
    void negativeZeroBoundsAreZero() {
        SearchRequest.ParameterRange r = SearchRequestParser.parse(Map.of("param", List.of("temperature:-0:-0.0"))).parameters().getFirst();
        assertThat(Double.doubleToRawLongBits(r.min())).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(Double.doubleToRawLongBits(r.max())).isEqualTo(Double.doubleToRawLongBits(0.0));
    }

    @Test
    void parameterRangesKeepTheirUnit() {
        SearchRequest r = SearchRequestParser.parse(Map.of("param", List.of("/entry/beam/incident_wavelength:0.9:1.1:Angstrom")));
        assertThat(r.parameters()).containsExactly(
                new SearchRequest.ParameterRange("/entry/beam/incident_wavelength", 0.9, 1.1, "Angstrom"));
    }

    @Test
    void numberedPagesBecomeAnOffsetWithinTheResultWindow() {
        SearchRequest r = SearchRequestParser.parse(Map.of("page", List.of("3"), "size", List.of("10")));
        assertThat(r.offset()).isEqualTo(20);
        assertThat(SearchRequestParser.parse(Map.of()).offset()).isZero();
        assertThat(SearchRequestParser.parse(Map.of("page", List.of("100"), "size", List.of("100"))).offset()).isEqualTo(9_900);
        assertThatThrownBy(() -> SearchRequestParser.parse(Map.of("page", List.of("101"), "size", List.of("100"))))
                .hasMessageStartingWith("page:").hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> SearchRequestParser.parse(Map.of("page", List.of("0")))).hasMessageStartingWith("page:");
        assertThatThrownBy(() -> SearchRequestParser.parse(Map.of("page", List.of("two")))).hasMessageStartingWith("page:");
        assertThatThrownBy(() -> SearchRequestParser.parse(Map.of("page", List.of("2"), "after", List.of("abc"))))
                .hasMessageStartingWith("page:");
    }

    @Test
    void productionDaysAreAnInclusiveUtcRange() {
        SearchRequest r = SearchRequestParser.parse(Map.of("from", List.of("2020-01-01"), "to", List.of("2020-12-31")));
        assertThat(r.produced().start()).contains(java.time.Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(r.produced().end()).contains(java.time.Instant.parse("2020-12-31T23:59:59.999999999Z"));
        assertThat(SearchRequestParser.parse(Map.of("to", List.of("2020-12-31"))).produced().start()).isEmpty();
        assertThat(SearchRequestParser.parse(Map.of()).produced().any()).isTrue();
        assertThatThrownBy(() -> SearchRequestParser.parse(Map.of("from", List.of("2020-13-01")))).hasMessageStartingWith("from:");
        assertThatThrownBy(() -> SearchRequestParser.parse(Map.of("to", List.of("31/12/2020")))).hasMessageStartingWith("to:");
        assertThatThrownBy(() -> SearchRequestParser.parse(Map.of("from", List.of("2021-01-01"), "to", List.of("2020-01-01"))))
                .hasMessageStartingWith("from:").hasMessageContaining("after to");
    }

    @Test
    void droppingOneFacetKeepsTheOthers() {
        SearchRequest r = SearchRequestParser.parse(Map.of("technique", List.of("SAXS", "MX"), "year", List.of("2020")));
        assertThat(r.withoutFacet("technique").filters()).containsOnlyKeys("year");
        assertThat(r.filters()).containsOnlyKeys("technique", "year");
    }
}
