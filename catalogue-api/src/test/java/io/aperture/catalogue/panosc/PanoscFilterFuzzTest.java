package io.aperture.catalogue.panosc;

import io.aperture.catalogue.tokens.OpaqueIds;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.aperture.catalogue.search.InvalidSearchException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer: any text as a PaNOSC {@code filter} parameter is read ({@link FilterParser}) and translated into the JPQL of
 * the Documents and Instruments collections ({@link JpqlWhere}: conditions and include restrictions), or refused with
 * an {@link InvalidSearchException} naming {@code filter} (the API's 400) — never another exception, which the API
 * would answer with a 500. Replayed from
 * {@code src/test/resources/io/aperture/catalogue/panosc/PanoscFilterFuzzTestInputs/parsedOrRefused/}.
 */
class PanoscFilterFuzzTest {

    private static final OpaqueIds IDS = new OpaqueIds("a-test-secret-of-at-least-thirty-two-characters");

    @FuzzTest(maxDuration = "60s")
    void parsedOrRefused(FuzzedDataProvider data) {
        String json = data.consumeRemainingAsString();
        try {
            PanoscFilter filter = FilterParser.filter(json);
            for (EntityModel model : List.of(Entities.DOCUMENT, Entities.INSTRUMENT)) {
                JpqlWhere w = new JpqlWhere(IDS);
                String condition = w.condition(filter.where(), model, "r");
                String restrictions = w.restrictions(filter.include(), model, "r");
                assertThat(condition).isNotBlank();
                assertThat(restrictions).isNotNull();
            }
        } catch (InvalidSearchException e) {
            assertThat(e.parameter()).startsWith("filter");
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
