package io.aperture.catalogue.ingest;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer: any JSON record is read or rejected with an {@link InvalidRecordException} naming the field — never another
 * exception (which would cost the record as "an unexpected server error"). Seeds are records as the harvester writes
 * them, in {@code src/test/resources/io/aperture/catalogue/ingest/IngestRecordFuzzTestInputs/readOrRejected/}.
 */
class IngestRecordFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "60s")
    void readOrRejected(FuzzedDataProvider data) {
        JsonNode record;
        try {
            record = JSON.readTree(data.consumeRemainingAsBytes());
        } catch (IOException e) {
            return; // not JSON: the API answers 400 "malformed JSON" before any record is read
        }
        if (record == null) {
            return;
        }
        try {
            IncomingRecord read = RecordReader.read(record);
            assertThat(read.producedAt()).isNotNull();
        } catch (InvalidRecordException e) {
            assertThat(e.field()).as("a rejection names the field").isNotBlank();
        }
    }
}
