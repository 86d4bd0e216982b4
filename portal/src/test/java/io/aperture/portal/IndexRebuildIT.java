package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.catalogue.reindex.ChangesDuringRebuild;
import io.aperture.catalogue.reindex.IndexRebuild;
import io.aperture.catalogue.search.OutboxIndexer;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.aperture.portal.testing.SearchCluster.engine;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;

/**
 * {@code POST /api/staff/index/rebuild} repairs a damaged index from PostgreSQL while search keeps answering: documents
 * deleted behind the catalogue's back come back, a document of a dataset that does not exist goes, no search during
 * the rebuild finds less than before it, and changes committed during the rebuild are not lost.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class IndexRebuildIT {
    private static final String REBUILD = "/api/staff/index/rebuild";
    private static final int DATASETS = 600;
    private static final long STALE_ID = 987_654_321L;

    @Inject
    OutboxIndexer indexer;
    @Inject
    EntityManager em;
    @Inject
    ChangesDuringRebuild changes;


    private static int released(String tag) {
        return given().queryParam("q", tag).queryParam("size", 1).get("/api/search").then().statusCode(200)
                .extract().path("total");
    }

    private long databaseCount() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM dataset").getSingleResult()).longValue());
    }

    private long rebuildLocks() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = ?1 AND objid = ?2 AND objsubid = 1""")
                .setParameter(1, IndexRebuild.LOCK_KEY >>> 32).setParameter(2, IndexRebuild.LOCK_KEY & 0xFFFF_FFFFL)
                .getSingleResult()).longValue());
    }

    private static long indexCount() {
        engine().post("/dataset-read/_refresh").then().statusCode(200);
        return ((Number) engine().get("/dataset-read/_count").then().statusCode(200).extract().path("count")).longValue();
    }

    @Test
    void onlyStaffMayRebuild() {
        given().post(REBUILD).then().statusCode(401);
        given().get(REBUILD).then().statusCode(401);
        given().auth().oauth2(Tokens.user("pi")).post(REBUILD).then().statusCode(403);
        given().auth().oauth2(Tokens.user("researcher")).get(REBUILD).then().statusCode(403);
        given().auth().oauth2(Tokens.harvester()).post(REBUILD).then().statusCode(403);
    }

    /** Another server instance of the same database rebuilding (its lock held by a session of this test) blocks a second one. */
    @Test
    void aRebuildRunningOnAnotherInstanceIsNotStartedAgain() throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection other = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
             PreparedStatement lock = other.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, IndexRebuild.LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                assertThat(rs.next() && rs.getBoolean(1)).as("no rebuild runs when the test starts").isTrue();
            }
            given().auth().oauth2(Tokens.user("staff")).post(REBUILD).then().statusCode(409).body("state", is("RUNNING_ELSEWHERE"));
            given().auth().oauth2(Tokens.user("staff")).get(REBUILD).then().statusCode(200).body("state", is("RUNNING_ELSEWHERE"));
            // closing a connection does not wait for its session to end: unlock first, as the rebuilding instance does
            try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, IndexRebuild.LOCK_KEY);
                unlock.execute();
            }
        }
        // that instance's session ended (rebuild over, or the server gone): this one no longer sees it
        given().auth().oauth2(Tokens.user("staff")).get(REBUILD).then().statusCode(200).body("state", not("RUNNING_ELSEWHERE"));
    }

    @Test
    void aRebuildRepairsTheIndexWhileSearchKeepsAnswering() {
        String tag = "rb" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<String> pids = new ArrayList<>();
        for (int batch = 0; batch < DATASETS / 200; batch++) {
            ObjectNode[] records = new ObjectNode[200];
            for (int i = 0; i < records.length; i++) {
                records[i] = Records.record("Rebuild " + tag + " " + batch + "-" + i, Instant.parse("2013-03-01T00:00:00Z"));
            }
            pids.addAll(given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                    .body(Records.batch(records).toString()).post("/api/ingest/records")
                    .then().statusCode(200).extract().path("results.datasetPid"));
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> released(tag) == DATASETS);
        await().atMost(Duration.ofSeconds(60)).until(() -> indexer.backlog() == 0);

        // damage the index behind the catalogue's back: 40 documents gone, one of a dataset that never existed
        List<String> lost = pids.subList(0, 40);
        engine().contentType(ContentType.JSON)
                .body("{\"query\":{\"terms\":{\"pid\":[\"" + String.join("\",\"", lost) + "\"]}}}")
                .post("/dataset-write/_delete_by_query?refresh=true").then().statusCode(200).body("deleted", is(40));
        engine().contentType(ContentType.JSON)
                .body("{\"pid\":\"DLS-STALE-" + tag + "\",\"title\":\"Rebuild " + tag + " stale\",\"accessState\":\"RELEASED\","
                        + "\"producedAt\":\"2013-03-01T00:00:00.000000000Z\"}")
                .put("/dataset-write/_doc/" + STALE_ID + "?refresh=true").then().statusCode(anyOf(is(200), is(201)));
        int before = released(tag);
        assertThat(before).isEqualTo(DATASETS - 40 + 1);

        given().auth().oauth2(Tokens.user("staff")).post(REBUILD).then().statusCode(202)
                .body("state", is("RUNNING")).body("requestedBy", is("staff"));
        given().auth().oauth2(Tokens.user("staff")).post(REBUILD).then().statusCode(409).body("state", is("RUNNING"));

        // changes committed during the rebuild: one dataset renamed, one added; neither may be lost
        ObjectNode renamed = Records.record("Rebuild " + tag + " renamed", Instant.parse("2013-03-01T00:00:00Z"));
        String renamedPid = null;
        int searches = 0;
        boolean changed = false;
        while (true) {
            String state = given().auth().oauth2(Tokens.user("staff")).get(REBUILD).then().statusCode(200).extract().path("state");
            if (!"RUNNING".equals(state)) {
                assertThat(state).isEqualTo("DONE");
                break;
            }
            assertThat(released(tag)).as("hits during the rebuild").isGreaterThanOrEqualTo(before);
            searches++;
            if (!changed) {
                changed = true;
                renamedPid = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                        .body(Records.batch(renamed).toString()).post("/api/ingest/records")
                        .then().statusCode(200).extract().path("results[0].datasetPid");
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                                "UPDATE dataset SET title = title || ' changed-during-rebuild' WHERE pid = ?1")
                        .setParameter(1, pids.get(100)).executeUpdate());
            }
        }
        assertThat(searches).as("searches made while the rebuild ran").isPositive();
        assertThat(changed).isTrue();

        assertThat(rebuildLocks()).as("the rebuild lock is released when the rebuild ends").isZero();
        var status = given().auth().oauth2(Tokens.user("staff")).get(REBUILD).then().statusCode(200)
                .body("staleRemoved", greaterThanOrEqualTo(1))
                .body("finishedAt", notNullValue()).extract();
        assertThat(((Number) status.path("documentsWritten")).longValue()).isGreaterThanOrEqualTo(DATASETS);

        await().atMost(Duration.ofSeconds(60)).until(() -> indexer.backlog() == 0);
        // the changes re-queued by the rebuild are written by the outbox indexer, searchable after the engine's refresh
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(released(tag)).isEqualTo(DATASETS + 1));
        assertThat(indexCount()).as("documents in the index = datasets in PostgreSQL").isEqualTo(databaseCount());
        given().queryParam("q", "stale " + tag).get("/api/search").then().body("total", is(0));
        given().auth().oauth2(Tokens.user("staff")).queryParam("q", "changed-during-rebuild " + tag).get("/api/search")
                .then().body("hits.pid", contains(pids.get(100)));
        given().queryParam("q", "renamed " + tag).get("/api/search").then().body("hits.pid", contains(renamedPid));
        for (String pid : lost.subList(0, 3)) {
            given().get("/api/Datasets/" + pid).then().statusCode(200);
            engine().contentType(ContentType.JSON).body("{\"query\":{\"term\":{\"pid\":\"" + pid + "\"}}}")
                    .post("/dataset-read/_count").then().statusCode(200).body("count", is(1));
        }
        given().auth().oauth2(Tokens.user("staff")).queryParam("action", "INDEX_REBUILD_FINISHED").get("/api/staff/audit")
                .then().statusCode(200).body("actor", hasItem("staff"));
        given().auth().oauth2(Tokens.user("staff")).queryParam("action", "INDEX_REBUILD_STARTED").get("/api/staff/audit")
                .then().statusCode(200).body("actor", hasItem("staff"));
    }

    /**
     * The ordering guarantee rests on finding, by PostgreSQL row version, every dataset changed after the rebuild began:
     * a plain-SQL update of a dataset and a parameter row added behind Hibernate's back count, an untouched dataset
     * does not.
     */
    @Test
    void rowsWrittenAfterTheMarkAreFoundByTheirVersion() {
        String tag = "rv" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<String> pids = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(Records.record("Version " + tag + " a", Instant.parse("2013-04-01T00:00:00Z")),
                        Records.record("Version " + tag + " b", Instant.parse("2013-04-01T00:00:00Z")),
                        Records.record("Version " + tag + " c", Instant.parse("2013-04-01T00:00:00Z"))).toString())
                .post("/api/ingest/records").then().statusCode(200).extract().path("results.datasetPid");
        await().atMost(Duration.ofSeconds(60)).until(() -> indexer.backlog() == 0);
        List<Long> ids = pids.stream().map(pid -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT id FROM dataset WHERE pid = ?1").setParameter(1, pid).getSingleResult()).longValue())).toList();

        long mark = changes.mark();
        assertThat(changes.changedSince(mark)).as("nothing changed yet").doesNotContainAnyElementsOf(ids);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE dataset SET title = title || ' edited' WHERE id = ?1").setParameter(1, ids.get(0))
                    .executeUpdate();
            em.createNativeQuery("INSERT INTO parameter(dataset_id, name, numeric_value) VALUES (?1, '/entry/added', 1)")
                    .setParameter(1, ids.get(1)).executeUpdate();
        });
        assertThat(changes.changedSince(mark)).contains(ids.get(0), ids.get(1)).doesNotContain(ids.get(2));
    }
}
