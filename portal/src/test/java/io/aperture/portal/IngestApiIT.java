package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.catalogue.embargo.SettledVisitSync;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.TestClock;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.*;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;

@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class IngestApiIT {

    @Inject
    EntityManager em;
    @Inject
    SettledVisitSync visitSync;

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
    void aRecordBreakingTheSharedSchemaIsRejectedByFieldPathNotA500() {
        ObjectNode good = Records.record("Schema good", Instant.parse("2019-06-01T00:00:00Z"));
        ObjectNode badDigest = Records.record("Schema bad digest", Instant.parse("2019-06-01T00:00:00Z"));
        badDigest.putArray("files").addObject().put("path", "/dls/x/m.nxs").put("role", "MASTER").put("sha256", "zz");
        ObjectNode badUsers = Records.record("Schema bad users", Instant.parse("2019-06-01T00:00:00Z"));
        badUsers.putArray("users").add("Jane Doe");

        post(Records.batch(good, badDigest, badUsers), Tokens.harvester()).then().statusCode(200)
                .body("results[0].status", is("CREATED"))
                .body("results[1].status", is("REJECTED"), "results[1].field", is("files[0].sha256"),
                        "results[1].error", containsString("^[0-9a-f]{64}$"))
                .body("results[2].status", is("REJECTED"), "results[2].field", is("users[0]"));
        assertThat(datasetsAt(badDigest.get("source").get("path").asText())).isZero();
        assertThat(datasetsAt(badUsers.get("source").get("path").asText())).isZero();
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
    void aBodyOverTheSizeLimitIsRefusedBeforeItIsRead() throws Exception {
        // quarkus.http.limits.max-body-size=32M: one record whose title alone is 33 MiB. The server answers on the
        // announced length and closes; "Expect: 100-continue" lets the client read that answer instead of a broken pipe.
        String body = "{\"records\": [{\"title\": \"" + "x".repeat(33 * 1024 * 1024) + "\"}]}";
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                        + io.restassured.RestAssured.port + "/api/ingest/records"))
                .header("Authorization", "Bearer " + Tokens.harvester()).header("Content-Type", "application/json")
                .expectContinue(true).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        var response = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(413);
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
    void concurrentScansOfOneVisitAllLandAndTheVisitEmbargoRunsFromTheLast() throws Exception {
        String proposal = "cm" + (10000000 + new java.util.Random().nextInt(89999999));
        Instant start = Instant.now().minus(Duration.ofDays(5));
        String token = Tokens.harvester();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<String> pids = new ArrayList<>();
        try {
            // 4 harvesters at once, each with a batch of scans of the same visit, each scan later than the last
            List<Future<List<String>>> batches = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int h = 0; h < 4; h++) {
                ObjectNode[] scans = new ObjectNode[8];
                for (int i = 0; i < scans.length; i++) {
                    scans[i] = Records.withProposal(Records.record("scan " + h + "-" + i,
                            start.plus(Duration.ofMinutes(10L * (h + 4 * i)))), proposal, proposal + "-1");
                }
                batches.add(pool.submit(() -> {
                    go.await();
                    return post(Records.batch(scans), token).then().statusCode(200)
                            .body("results.status", everyItem(is("CREATED"))).extract().path("results.datasetPid");
                }));
            }
            go.countDown();
            for (Future<List<String>> f : batches) {
                pids.addAll(f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        Instant last = start.plus(Duration.ofMinutes(10L * (3 + 4 * 7)));
        Object embargoEnd = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        SELECT e.current_end FROM embargo e JOIN visit v ON v.id = e.visit_id WHERE v.code = ?1""")
                .setParameter(1, proposal + "-1").getSingleResult());
        Instant end = embargoEnd instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) embargoEnd;
        assertThat(end).isAfter(last.plus(Duration.ofDays(3 * 365 - 1))).isBefore(last.plus(Duration.ofDays(3 * 366 + 1)));
        assertThat(pids).hasSize(32).doesNotHaveDuplicates();
        for (String pid : pids) {
            assertThat(stateOf(pid).get(0)).isEqualTo("EMBARGOED");
            assertThat((Instant) stateOf(pid).get(1)).isBeforeOrEqualTo(end);
        }
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

    private static String availableDate(String pid) {
        return given().auth().oauth2(Tokens.user("staff")).queryParam("format", "json").get("/api/datasets/" + pid + "/datacite")
                .then().statusCode(200).extract().path("data.attributes.dates.find { it.dateType == 'Available' }.date");
    }

    /** access_state, embargo_end, license and embargo (own or visit) of the dataset with this pid. */
    private List<Object> stateOf(String pid) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("""
                            SELECT d.access_state, d.embargo_end, coalesce(d.license, '-'),
                                   CASE WHEN EXISTS (SELECT 1 FROM embargo e WHERE e.dataset_id = d.id) THEN 'own' ELSE 'visit' END
                            FROM dataset d WHERE d.pid = ?1""")
                    .setParameter(1, pid).getSingleResult();
            return List.of(row[0], row[1] instanceof java.sql.Timestamp t ? t.toInstant() : row[1], row[2], row[3]);
        });
    }

    private static String pidOf(ObjectNode r) {
        return post(Records.batch(r), Tokens.harvester()).then().statusCode(200)
                .body("results[0].status", is("CREATED")).extract().path("results[0].datasetPid");
    }

    @Test
    void eachScanGetsTheEmbargoItsVisitOrItsOwnDateGivesIt() {
        String proposal = "cm" + (10000000 + new java.util.Random().nextInt(89999999));
        String visit = proposal + "-1";
        Instant first = Instant.now().minus(Duration.ofDays(20));
        Instant later = first.plus(Duration.ofDays(2));

        // the visit's first scan opens its embargo: three years from the scan
        String a = pidOf(Records.withProposal(Records.record("first scan of " + proposal, first), proposal, visit));
        Instant endA = (Instant) stateOf(a).get(1);
        assertThat(stateOf(a)).containsExactly("EMBARGOED", endA, "-", "visit");
        assertThat(endA).isAfter(first.plus(Duration.ofDays(3 * 365 - 1))).isBefore(first.plus(Duration.ofDays(3 * 366 + 1)));

        // a later scan moves the visit's end later, and carries the new end
        String b = pidOf(Records.withProposal(Records.record("later scan", later), proposal, visit));
        Instant endB = (Instant) stateOf(b).get(1);
        assertThat(endB).isAfter(endA);
        assertThat(stateOf(b)).containsExactly("EMBARGOED", endB, "-", "visit");
        // an earlier scan arriving late changes nothing and gets the visit's end
        String c = pidOf(Records.withProposal(Records.record("earlier scan", first.minus(Duration.ofDays(1))), proposal, visit));
        assertThat(stateOf(c)).containsExactly("EMBARGOED", endB, "-", "visit");
        // the first scan keeps its older end while the visit is still moving it...
        assertThat(stateOf(a).get(1)).isEqualTo(endA);
        // ... while its DataCite record (as its landing page and refusals) already gives the visit's end
        assertThat(availableDate(a)).isEqualTo(availableDate(b)).isNotNull();
        visitSync.syncSettled();
        assertThat(stateOf(a).get(1)).as("not settled yet").isEqualTo(endA);
        // ... and carries the visit's end once the end has stood still for the quiet period, in the index too
        TestClock.shift(Duration.ofHours(1).plusMinutes(1));
        try {
            assertThat(visitSync.syncSettled()).isGreaterThanOrEqualTo(1);
        } finally {
            TestClock.reset();
        }
        assertThat(stateOf(a)).containsExactly("EMBARGOED", endB, "-", "visit");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(Instant.parse(
                given().auth().oauth2(Tokens.user("staff")).queryParam("q", proposal).get("/api/search").then().statusCode(200)
                        .extract().<String>path("hits.find { it.pid == '" + a + "' }.embargoEnd")).truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(endB.truncatedTo(ChronoUnit.SECONDS)));

        // an old scan harvested late is open at once, under the release licence
        String old = pidOf(Records.withProposal(Records.record("old scan", Instant.parse("2016-03-01T09:00:00Z")),
                proposal + "x", proposal + "x-1"));
        assertThat(stateOf(old)).element(0).isEqualTo("RELEASED");
        assertThat(stateOf(old)).element(2).isEqualTo("CC-BY-4.0");
        // ... and a new scan for that released visit gets an embargo of its own; the released one stays open
        String fresh = pidOf(Records.withProposal(Records.record("new scan, old visit", first), proposal + "x", proposal + "x-1"));
        assertThat(stateOf(fresh)).containsExactly("EMBARGOED", stateOf(fresh).get(1), "-", "own");
        assertThat(stateOf(old)).element(0).isEqualTo("RELEASED");

        // a dataset of no visit has an embargo of its own
        String lone = pidOf(Records.record("no visit", first));
        assertThat(stateOf(lone)).containsExactly("EMBARGOED", stateOf(lone).get(1), "-", "own");

        List<String> actions = given().auth().oauth2(Tokens.user("staff")).queryParam("proposal", proposal)
                .get("/api/staff/audit").then().statusCode(200).extract().path("action");
        // opened with the first scan, moved by the later one; nothing for the earlier one
        assertThat(actions).filteredOn("EMBARGO_COMPUTED"::equals).hasSize(2);
        assertThat(actions).filteredOn("RECORD_INGESTED"::equals).hasSize(3);
    }
}
