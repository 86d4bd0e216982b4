package io.aperture.catalogue.oaipmh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OaiRequestTest {

    @ParameterizedTest
    @ValueSource(strings = {"identifier", "metadataPrefix"})
    void aNulInAnArgumentIsABadArgument(String argument) {
        Map<String, List<String>> parameters = new HashMap<>(Map.of("verb", List.of("GetRecord"),
                "identifier", List.of("oai:aperture.local:x"), "metadataPrefix", List.of("oai_dc")));
        parameters.put(argument, List.of("oai\u0000dc"));
        assertBadArgument(parameters, "contains a control character");
    }

    @Test
    void aNulInASetOrADateIsABadArgument() {
        assertBadArgument(Map.of("verb", List.of("ListRecords"), "metadataPrefix", List.of("oai_dc"),
                "set", List.of("instrument:i03\u0000")), "'set' contains a control character");
        assertBadArgument(Map.of("verb", List.of("ListRecords"), "metadataPrefix", List.of("oai_dc"),
                "from", List.of("2024\u0000")), "'from' contains a control character");
    }

    @Test
    void anOverlongArgumentIsABadArgument() {
        assertBadArgument(Map.of("verb", List.of("ListRecords"), "resumptionToken",
                List.of("x".repeat(OaiRequest.MAX_ARGUMENT + 1))), "longer than");
    }

    @Test
    void datesBeyondFourDigitYearsAreABadArgument() {
        OaiRequest request = OaiRequest.parse(Map.of("verb", List.of("ListRecords"), "metadataPrefix", List.of("oai_dc"),
                "from", List.of("+999999999-12-31"), "until", List.of("+999999999-12-31T23:59:59Z")));
        assertThatThrownBy(() -> ListWindow.of(request)).isInstanceOf(OaiException.class)
                .satisfies(e -> assertThat(((OaiException) e).code()).isEqualTo(OaiException.Code.badArgument));
    }

    /** Year 0000 is refused at once (before, the first page was served and its token refused); 9999-12-31 is a day. */
    @Test
    void yearZeroIsABadArgumentAndTheLastDayIsAWindow() {
        for (String from : List.of("0000-01-01", "0000-12-31T23:59:59Z")) {
            OaiRequest request = OaiRequest.parse(Map.of("verb", List.of("ListRecords"), "metadataPrefix", List.of("oai_dc"),
                    "from", List.of(from)));
            assertThatThrownBy(() -> ListWindow.of(request)).as(from).isInstanceOf(OaiException.class)
                    .hasMessage("from must be between the years 1 and 9999")
                    .satisfies(e -> assertThat(((OaiException) e).code()).isEqualTo(OaiException.Code.badArgument));
        }
        ListWindow last = ListWindow.of(OaiRequest.parse(Map.of("verb", List.of("ListRecords"), "metadataPrefix", List.of("oai_dc"),
                "from", List.of("0001-01-01"), "until", List.of("9999-12-31"))));
        assertThat(last.untilExclusive()).contains(Instant.parse("+10000-01-01T00:00:00Z"));
    }

    @Test
    void malformedUrlEncodingIsABadArgument() {
        assertThatThrownBy(() -> OaiForm.parse("verb=Identify&x=%zz")).isInstanceOf(OaiException.class)
                .satisfies(e -> assertThat(((OaiException) e).code()).isEqualTo(OaiException.Code.badArgument));
        assertThatThrownBy(() -> OaiForm.parse("verb=%")).isInstanceOf(OaiException.class);
    }

    @Test
    void formEncodingIsDecoded() {
        assertThat(OaiForm.parse("verb=GetRecord&identifier=oai%3Aaperture.local%3ADLS%2Fx&empty=&flag&&a=1&a=2"))
                .containsEntry("verb", List.of("GetRecord"))
                .containsEntry("identifier", List.of("oai:aperture.local:DLS/x"))
                .containsEntry("empty", List.of(""))
                .containsEntry("flag", List.of(""))
                .containsEntry("a", List.of("1", "2"))
                .hasSize(5);
        assertThat(OaiForm.parse(null)).isEmpty();
        assertThat(OaiForm.parse("")).isEmpty();
    }

    private static void assertBadArgument(Map<String, List<String>> parameters, String message) {
        assertThatThrownBy(() -> OaiRequest.parse(parameters)).isInstanceOf(OaiException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((OaiException) e).code()).isEqualTo(OaiException.Code.badArgument));
    }
}
