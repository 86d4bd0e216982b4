package io.aperture.portal;

import io.aperture.catalogue.search.SearchResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SearchPageTest {

    private static SearchPage page(Map<String, List<String>> query, long total, int hits, String next) {
        List<SearchResult.Hit> shown = IntStream.range(0, hits).mapToObj(i -> new SearchResult.Hit("p" + i,
                "t" + i, null, null, null, List.of(), null, null, "RELEASED", null, null, null, 0)).toList();
        Map<String, List<SearchResult.FacetValue>> facets = Map.of("instrument",
                List.of(new SearchResult.FacetValue("I03", 7), new SearchResult.FacetValue("I04", 3)));
        return new SearchPage(query, new SearchResult(total, shown, facets, next), null, null);
    }

    private static Map<String, List<String>> query(String... kv) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            q.computeIfAbsent(kv[i], k -> new ArrayList<>()).add(kv[i + 1]);
        }
        return q;
    }

    @Test
    void aFacetLinkTogglesItsValueKeepsTheRestAndStartsAgainFromPageOne() {
        SearchPage p = page(query("q", "lyso zyme", "instrument", "I03", "page", "2"), 40, 20, "c");
        assertThat(p.facetLink("instrument", "I04")).isEqualTo("/?q=lyso+zyme&instrument=I03&instrument=I04");
        assertThat(p.facetLink("instrument", "I03")).isEqualTo("/?q=lyso+zyme");
        assertThat(p.selected("instrument", "I03")).isTrue();
        assertThat(p.selected("instrument", "I04")).isFalse();
    }

    @Test
    void aSelectedValueTheCountsLeaveOutIsStillListed() {
        SearchPage p = page(query("instrument", "B18"), 0, 0, null);
        assertThat(p.facetValues("instrument")).extracting(SearchResult.FacetValue::value).containsExactly("I03", "I04", "B18");
        assertThat(p.facetValues("instrument").getLast().count()).isZero();
    }

    @Test
    void pagesCountTheTrueTotalAndTheLastOffersNoNext() {
        SearchPage first = page(query("q", "x", "size", "10"), 20, 10, "cursor");
        assertThat(first.pageCount()).isEqualTo(2);
        assertThat(first.nextLink()).isEqualTo("/?q=x&size=10&page=2");
        assertThat(first.previousLink()).isNull();
        SearchPage last = page(query("q", "x", "size", "10", "page", "2"), 20, 10, null);
        assertThat(last.nextLink()).isNull();
        assertThat(last.previousLink()).isEqualTo("/?q=x&size=10");
        assertThat(last.firstShown()).isEqualTo(11);
        assertThat(last.lastShown()).isEqualTo(20);
    }

    @Test
    void farPagesAreElidedAroundTheCurrentOne() {
        SearchPage p = page(query("page", "10"), 400, 20, "c");
        assertThat(p.pages()).extracting(SearchPage.PageLink::number).containsExactly(1, 8, 9, 10, 11, 12, 20);
        assertThat(p.gapBefore(p.pages().get(1))).isTrue();
        assertThat(p.gapBefore(p.pages().get(2))).isFalse();
        assertThat(p.pages().get(3).current()).isTrue();
    }

    @Test
    void chipsNameEachSelectionAndRemoveOnlyIt() {
        SearchPage p = page(query("q", "x", "param", "wavelength:1:2:Angstrom", "from", "2020-01-01", "technique", "SAXS"), 5, 5, null);
        assertThat(p.chips()).extracting(SearchPage.Chip::label)
                .containsExactly("Technique: SAXS", "wavelength 1–2 Angstrom", "From 2020-01-01");
        assertThat(p.chips().get(1).removeLink()).isEqualTo("/?q=x&from=2020-01-01&technique=SAXS");
    }

    @Test
    void theParameterFormBecomesOneParamOfTheUrl() {
        Map<String, List<String>> folded = ParameterForm.fold(query("q", "x", "pname", "wavelength", "pmin", " 0.9 ",
                "pmax", "", "punit", "nm", "page", "3"));
        assertThat(SearchPage.link(folded)).isEqualTo("/?q=x&param=wavelength%3A0.9%3A%3Anm");
    }
}
