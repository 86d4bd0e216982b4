package io.aperture.catalogue.search;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.aperture.catalogue.input.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer: any query string of {@code /api/search} (the parameters it knows, repeated or not, with any values) is parsed
 * and its parameter ranges converted to SI, or refused with an {@link InvalidInputException} naming a parameter —
 * never another exception (which the API would answer with a 500). Replayed from
 * {@code src/test/resources/io/aperture/catalogue/search/SearchParametersFuzzTestInputs/parsedOrRefused/}.
 */
class SearchParametersFuzzTest {
    private static final List<String> NAMES = List.of("q", "sort", "size", "after", "facets", "param", "year", "access",
            "technique", "instrument", "licence", "sample", "kind", "definition", "other");

    @FuzzTest(maxDuration = "60s")
    void parsedOrRefused(FuzzedDataProvider data) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        int count = data.consumeInt(0, 8);
        for (int i = 0; i < count; i++) {
            query.computeIfAbsent(data.pickValue(NAMES), k -> new ArrayList<>()).add(data.consumeString(600));
        }
        try {
            SearchRequest request = SearchRequestParser.parse(query);
            assertThat(request.size()).isBetween(1, SearchRequestParser.MAX_SIZE);
            request.parameters().forEach(SiRange::of);
        } catch (InvalidInputException e) {
            assertThat(e.field()).as("a refusal names the parameter").isNotBlank();
            assertThat(e.getMessage()).startsWith(e.field() + ": ");
        }
    }
}
