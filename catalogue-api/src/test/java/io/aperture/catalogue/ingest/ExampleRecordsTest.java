package io.aperture.catalogue.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.testsupport.RepoFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example scans `./aperture start` loads (examples/catalogue/recent-scans.json) are records of the one contract:
 * each, with the production date the loader gives it, is read by the server's reader and passes the shared schema.
 */
class ExampleRecordsTest {

    @Test
    void everyExampleScanIsAValidRecord() throws IOException {
        JsonNode records = new ObjectMapper().readTree(Files.readString(RepoFiles.path("examples/catalogue/recent-scans.json")))
                .get("records");
        assertThat(records.size()).isGreaterThan(3);
        for (JsonNode r : records) {
            ObjectNode record = r.deepCopy();
            assertThat(record.remove("producedDaysAgo")).as("the loader's offset").isNotNull();
            record.put("producedAt", "2025-01-01T00:00:00Z");
            IncomingRecord read = RecordReader.read(record);
            assertThat(read.title()).isEqualTo(r.get("title").asText());
        }
    }
}
