package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.catalogue.search.OutboxIndexer;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.aperture.portal.testing.SearchCluster.engine;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * A dataset the search engine refuses to index must not hold back the changes queued after it: the outbox used to
 * retry the whole batch for ever, so every later dataset, withdrawal and release waited behind it. Refused while
 * nothing else indexes, it may be an index-wide fault: then nothing is taken out of the index. The engine is made
 * to refuse one here by lowering the index's limit on nested objects (a dynamic setting) below its parameter count.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class IndexRefusalIT {
    private final String tag = "ir" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private static void nestedLimit(String value) {
        engine().contentType(ContentType.JSON).body("{\"index.mapping.nested_objects.limit\": " + value + "}")
                .put("/dataset-write/_settings").then().statusCode(200);
    }

    private List<String> found() {
        return given().queryParam("q", tag).queryParam("facets", "false").get("/api/search").then().statusCode(200)
                .extract().path("hits.title");
    }

    @Inject
    OutboxIndexer outbox;

    private static void ingest(ObjectNode record) {
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(record).toString())
                .post("/api/ingest/records").then().statusCode(200).body("results[0].status", is("CREATED"));
    }

    @Test
    void aRefusedDatasetIsLeftOutAndTheOthersAreIndexed() throws InterruptedException {
        ObjectNode refused = Records.record("Refused " + tag, Instant.parse("2012-05-01T00:00:00Z"));
        for (int i = 0; i < 6; i++) {
            Records.withParameter(refused, "/entry/sample/p" + i, i, "K", i, "K");
        }
        ObjectNode fine = Records.record("Indexed " + tag, Instant.parse("2012-05-02T00:00:00Z"));
        // nothing of other tests still queued: only this test's datasets meet the lowered limit
        await().atMost(Duration.ofSeconds(60)).until(() -> outbox.backlog() == 0);
        nestedLimit("3");
        try {
            // refused with nothing else indexed: it could be an index-wide fault, so nothing is taken out; it waits
            ingest(refused);
            Thread.sleep(3_000);
            assertThat(outbox.backlog()).as("the refused dataset stays queued while nothing else indexes").isPositive();
            // another dataset indexes: the refusal is the document's own, and it no longer holds the other back
            ingest(fine);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(found()).containsExactly("Indexed " + tag));
            await().atMost(Duration.ofSeconds(30)).until(() -> outbox.backlog() == 0);
        } finally {
            nestedLimit("null");
        }
        assertThat(found()).as("left out, not indexed after the limit was lifted").containsExactly("Indexed " + tag);
        // left out until it changes: changed, it is indexed
        refused.put("title", "Refused once " + tag);
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(refused).toString())
                .post("/api/ingest/records").then().statusCode(200).body("results[0].status", is("UPDATED"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(found())
                .containsExactlyInAnyOrder("Indexed " + tag, "Refused once " + tag));
        assertThat(given().auth().oauth2(Tokens.monitoring()).get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("aperture_index_refused_total(\\{[^}]*})? [1-9]");
    }
}
