package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.ServerProcess;
import io.aperture.portal.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * A server killed with SIGKILL in the middle of an ingest run (the production artifact, a JVM of its own), and the
 * harvester's answer to a failed run — sending everything again, here through another server: every record is
 * catalogued once, the audit chain verifies and the index holds each record once (outbox rows the dead server had
 * claimed are taken by the survivor).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class ServerCrashIT {
    private static final int BATCHES = 40;
    private static final int PER_BATCH = 25;

    @Inject
    EntityManager em;

    private long datasets(String tag) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM dataset WHERE title LIKE ?1").setParameter(1, tag + " scan %")
                .getSingleResult()).longValue());
    }

    @Test
    void aServerKilledMidIngestLosesNothingAndTheResentRunDuplicatesNothing() throws Exception {
        String tag = "kc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Instant produced = Instant.now().minus(Duration.ofDays(3 * 365 + 200));
        List<String> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            ObjectNode[] batch = new ObjectNode[PER_BATCH];
            for (int i = 0; i < PER_BATCH; i++) {
                batch[i] = Records.record(tag + " scan " + (b * PER_BATCH + i), produced);
            }
            batches.add(Records.batch(batch).toString());
        }
        int total = BATCHES * PER_BATCH;

        ServerProcess doomed = ServerProcess.start("doomed");
        try {
            doomed.awaitReady();
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
                for (String body : batches) {
                    doomed.request().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(body)
                            .post("/api/ingest/records");
                }
            });
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> datasets(tag) >= PER_BATCH);
            doomed.kill();
            assertThat(run).as("the run broken off by the crash").failsWithin(Duration.ofSeconds(30));
        } finally {
            doomed.kill();
        }
        long before = datasets(tag);
        assertThat(before).as("killed mid-ingest: some batches committed, not all").isBetween((long) PER_BATCH, total - 1L);

        // the harvester's retry: the whole run again, through the surviving server
        long created = 0;
        long unchanged = 0;
        for (String body : batches) {
            List<String> statuses = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(body)
                    .post("/api/ingest/records").then().statusCode(200).extract().path("results.status");
            created += statuses.stream().filter("CREATED"::equals).count();
            unchanged += statuses.stream().filter("UNCHANGED"::equals).count();
        }
        assertThat(created).as("created now: exactly what the crash left out").isEqualTo(total - before);
        assertThat(unchanged).as("what the dead server committed is recognised").isEqualTo(before);
        assertThat(datasets(tag)).isEqualTo(total);

        given().auth().oauth2(Tokens.user("staff")).get("/api/staff/audit/verify").then().statusCode(200)
                .body("intact", is(true));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(given().auth().oauth2(Tokens.user("staff")).queryParam("q", tag).get("/api/search")
                        .then().statusCode(200).extract().<Integer>path("total")).as("each record indexed once")
                        .isEqualTo(total));
    }
}
