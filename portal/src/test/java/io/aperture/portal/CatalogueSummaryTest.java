package io.aperture.portal;

import io.aperture.catalogue.search.SearchResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueSummaryTest {

    private static List<SearchResult.FacetValue> values(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> new SearchResult.FacetValue(prefix + " " + i, 100 - i)).toList();
    }

    @Test
    void theLargestFiveOfEachFacetEachTheSearchForIt() {
        SearchResult publicOnly = new SearchResult(1234, List.of(), Map.of("instrument", values("I&J", 8),
                "technique", values("SAXS", 2)), null);
        CatalogueSummary s = CatalogueSummary.of(publicOnly, 3L * 1024 * 1024 * 1024 / 2, List.of());
        assertThat(s.datasets()).isEqualTo(1234);
        assertThat(s.volume()).as("bytes for people").isEqualTo("1.5 GiB");
        assertThat(s.instruments()).hasSize(CatalogueSummary.SHOWN);
        assertThat(s.instruments().getFirst()).isEqualTo(new CatalogueSummary.Entry("I&J 0", 100, "/?instrument=I%26J+0"));
        assertThat(s.techniques()).extracting(CatalogueSummary.Entry::value).containsExactly("SAXS 0", "SAXS 1");
    }

    @Test
    void anEngineAnswerWithoutFacetsListsNone() {
        CatalogueSummary s = CatalogueSummary.of(new SearchResult(0, List.of(), null, null), 0, List.of());
        assertThat(s.volume()).isEqualTo("0 B");
        assertThat(s.instruments()).isEmpty();
        assertThat(s.techniques()).isEmpty();
    }
}
