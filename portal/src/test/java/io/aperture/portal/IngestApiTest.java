package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.*;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;

@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class IngestApiTest {

    @Inject
    EntityManager em;

    private static Response post(Object body, String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body.toString()).post("/api/ingest/records");
    }

    private long datasetsAt(String path) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM dataset WHERE source_path = ?1")
                        .setParameter(1, path).getSingleResult()).longValue());
    }

    @Test
    void sameRecordTwiceIsOneDatasetAndAChangeUpdatesIt() {
        ObjectNode r = Records.record("Lysozyme 100K", Instant.parse("2020-01-01T10:00:00Z"));
        String path = r.get("source").get("path").asText();

        String pid = post(Records.batch(r), Tokens.harvester()).then().statusCode(200)
                .body("results[0].status", is("CREATED")).extract().path("results[0].datasetPid");
        post(Records.batch(r), Tokens.harvester()).then().statusCode(200)
                .body("results[0].status", is("UNCHANGED"), "results[0].datasetPid", is(pid));
        r.put("title", "Lysozyme 100 K, second pass");
        post(Records.batch(r), Tokens.harvester()).then().statusCode(200)
                .body("results[0].status", is("UPDATED"), "results[0].datasetPid", is(pid));

        assertThat(datasetsAt(path)).isEqualTo(1);
    }

    @Test
    void aChangedRecordListingTheSameFilesAndSourcesUpdatesCleanly() {
        ObjectNode r = Records.record("Files kept", Instant.parse("2020-02-02T00:00:00Z"));
        var files = r.putArray("files");
        files.addObject().put("path", "/dls/x/master.nxs").put("role", "MASTER").put("size", 10);
        files.addObject().put("path", "/dls/x/data_000001.h5").put("role", "EXTERNAL_LINK").put("size", 1000);
        r.putArray("derivedFrom").add("/dls/x/raw.nxs#entry");
        post(Records.batch(r), Tokens.harvester()).then().statusCode(200).body("results[0].status", is("CREATED"));
        r.put("title", "Files kept, title changed");
        post(Records.batch(r), Tokens.harvester()).then().statusCode(200).body("results[0].status", is("UPDATED"));
        given().auth().oauth2(Tokens.user("staff")).queryParam("q", "\"Files kept, title changed\"").get("/api/search")
                .then().statusCode(200);
    }

    @Test
    void aMalformedRecordIsRejectedByNameAndTheRestOfTheBatchLands() {
        ObjectNode good = Records.record("Good record", Instant.parse("2019-05-01T00:00:00Z"));
        ObjectNode bad = Records.record("Bad record", Instant.parse("2019-05-01T00:00:00Z"));
        bad.put("producedAt", "yesterday");
        ObjectNode badParam = Records.record("Bad parameter", Instant.parse("2019-05-01T00:00:00Z"));
        badParam.putArray("parameters").addObject().put("name", "x").put("value", "NaN-ish");

        post(Records.batch(good, bad, badParam), Tokens.harvester()).then().statusCode(200)
                .body("results[0].status", is("CREATED"))
                .body("results[1].status", is("REJECTED"), "results[1].field", is("producedAt"))
                .body("results[2].status", is("REJECTED"), "results[2].field", is("parameters[0].value"));
        assertThat(datasetsAt(good.get("source").get("path").asText())).isEqualTo(1);
        assertThat(datasetsAt(bad.get("source").get("path").asText())).isZero();
    }

    @Test
    void onlyTheHarvesterMayIngest() {
        ObjectNode r = Records.record("Not allowed", Instant.now());
        given().contentType(ContentType.JSON).body(Records.batch(r).toString()).post("/api/ingest/records")
                .then().statusCode(401);
        post(Records.batch(r), Tokens.user("researcher")).then().statusCode(403);
        post(Records.batch(r), Tokens.user("staff")).then().statusCode(403);
        post(Records.batch(r), "not-a-token").then().statusCode(401);
        assertThat(datasetsAt(r.get("source").get("path").asText())).isZero();
    }

    @Test
    void malformedJsonAndOversizedBatchesGetA400() {
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body("{\"records\": [ {\"formatVersion\": 1,")
                .post("/api/ingest/records").then().statusCode(400);
        ObjectNode big = Records.JSON.createObjectNode();
        var arr = big.putArray("records");
        for (int i = 0; i < 501; i++) {
            arr.addObject();
        }
        post(big, Tokens.harvester()).then().statusCode(400).body("error.message", containsString("at most 500"));
    }

    @Test
    void concurrentIngestOfOneEntryMakesOneDataset() throws Exception {
        ObjectNode r = Records.record("Raced", Instant.parse("2021-03-03T03:03:03Z"));
        String token = Tokens.harvester();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < 6; i++) {
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return post(Records.batch(r), token).then().statusCode(200).extract().path("results[0].status");
                }));
            }
            go.countDown();
            List<String> statuses = new ArrayList<>();
            for (Future<String> f : outcomes) {
                statuses.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnlyOnce("CREATED").allMatch(s -> s.equals("CREATED") || s.equals("UNCHANGED"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(datasetsAt(r.get("source").get("path").asText())).isEqualTo(1);
    }

    @Test
    void ingestIsAudited() {
        ObjectNode r = Records.record("Audited", Instant.parse("2022-02-02T00:00:00Z"));
        String pid = post(Records.batch(r), Tokens.harvester()).then().statusCode(200).extract().path("results[0].datasetPid");
        Number n = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_event WHERE subject_id = ?1 AND action = 'RECORD_INGESTED' AND actor = 'service-account-aperture-harvester'")
                .setParameter(1, pid).getSingleResult());
        assertThat(n.longValue()).isEqualTo(1);
    }
}
