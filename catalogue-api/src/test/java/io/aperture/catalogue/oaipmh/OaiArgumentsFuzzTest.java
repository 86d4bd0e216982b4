package io.aperture.catalogue.oaipmh;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer: any OAI-PMH query string or form body is decoded and read as a request, or refused with an
 * {@link OaiException} (an OAI error code, answered as XML) — never another exception. Replayed from
 * {@code src/test/resources/io/aperture/catalogue/oaipmh/OaiArgumentsFuzzTestInputs/readOrRefused/}.
 */
class OaiArgumentsFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readOrRefused(FuzzedDataProvider data) {
        String encoded = data.consumeRemainingAsString();
        try {
            OaiRequest request = OaiRequest.parse(OaiForm.parse(encoded));
            assertThat(request).isNotNull();
        } catch (OaiException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
