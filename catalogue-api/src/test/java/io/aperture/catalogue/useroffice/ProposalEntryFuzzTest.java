package io.aperture.catalogue.useroffice;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.catalogue.ingest.InvalidRecordException;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer: any JSON proposal of a user-office import is read whole or refused with an {@link InvalidRecordException}
 * whose field is the JSON path of the problem — never another exception, which the import would answer with a 500
 * and which would end the other proposals of the same body. Seeds in
 * {@code src/test/resources/io/aperture/catalogue/useroffice/ProposalEntryFuzzTestInputs/readOrRefused/}.
 */
class ProposalEntryFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "60s")
    void readOrRefused(FuzzedDataProvider data) {
        JsonNode proposal;
        try {
            proposal = JSON.readTree(data.consumeRemainingAsBytes());
        } catch (IOException e) {
            return; // not JSON: the API answers 400 "malformed JSON" before any proposal is read
        }
        if (proposal == null) {
            return;
        }
        try {
            ProposalEntry read = ProposalEntry.read(proposal, "proposals[0]");
            assertThat(read.code()).isNotBlank().doesNotContain("\u0000");
            read.members().forEach(m -> assertThat(m.person().fullName()).isNotBlank());
        } catch (InvalidRecordException e) {
            assertThat(e.field()).as("a refusal names the field").startsWith("proposals[0]");
        }
    }
}
