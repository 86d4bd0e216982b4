package io.aperture.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.harvester.nexus.HarvestConfig;
import io.aperture.harvester.nexus.NexusHarvester;
import io.aperture.record.HarvestRecord;
import io.aperture.record.RecordJson;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Tokens;
import io.aperture.testsupport.RepoFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;

/**
 * The walking skeleton through every layer: the harvester reads real NeXus files (jhdf) → its records go to the
 * ingest API with the harvester's Keycloak token → PostgreSQL → the outbox → OpenSearch → the PaNOSC API and the
 * portal's home page.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class SkeletonEndToEndIT {
    /** Every readable file of the NeXus test set and the repo's examples, harvested and ingested; none is rejected. */
    @Test
    void realNexusFilesFlowFromHarvesterToPortal() throws Exception {
        NexusHarvester harvester = new NexusHarvester(HarvestConfig.defaults());
        ObjectMapper json = RecordJson.mapper();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(RepoFiles.path("examples/nexus"))) {
            s.filter(p -> p.toString().matches(".*\\.(nxs|hdf5|h5|hdf|nx5)$")).forEach(files::add);
        }
        try (Stream<Path> s = Files.walk(RepoFiles.nexus())) {
            s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/bad/"))
                    .filter(p -> p.toString().matches(".*\\.(nxs|hdf5|h5|hdf|nx5)$")).forEach(files::add);
        }
        ArrayNode records = json.createArrayNode();
        for (Path f : files) {
            try {
                for (HarvestRecord r : harvester.harvest(f)) {
                    records.add(json.valueToTree(r));
                }
            } catch (Exception notNexus) {
                // plain HDF5 and non-NeXus files are the harvester's to refuse; its own tests cover that
            }
        }
        assertThat(records.size()).isGreaterThan(20);

        ObjectNode batch = json.createObjectNode();
        batch.set("records", records);
        List<String> statuses = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(batch.toString())
                .post("/api/ingest/records").then().statusCode(200).extract().path("results.status");
        List<String> errors = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(batch.toString())
                .post("/api/ingest/records").then().statusCode(200).extract().path("results.findAll { it.status == 'REJECTED' }.error");
        assertThat(errors).as("records the ingest API refused").isEmpty();
        assertThat(statuses).allMatch(s -> s.equals("CREATED") || s.equals("UPDATED") || s.equals("UNCHANGED"));

        // A scan that ended more than three years ago is open data: public API and home page list it.
        JsonNode old = null;
        for (JsonNode r : records) {
            Instant produced = Instant.parse(r.get("producedAt").asText());
            if (produced.atZone(ZoneId.of("Europe/London")).plusYears(3).toInstant().isBefore(Instant.now().minus(Duration.ofDays(1)))
                    && r.get("title").asText().matches(".*[A-Za-z]{4,}.*")) {
                old = r;
                break;
            }
        }
        assertThat(old).as("a test file with an end_time older than three years").isNotNull();
        String title = old.get("title").asText();
        String word = title.replaceAll("[^A-Za-z0-9 ]", " ").trim().split("\\s+")[0];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("filter", "{\"query\": \"" + word + "\", \"limit\": 50}").get("/api/Datasets").then()
                        .statusCode(200).body("title", hasItem(title)));
        given().queryParam("q", word).queryParam("size", 100).get("/").then().statusCode(200)
                .body(containsString(title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")));
    }
}
