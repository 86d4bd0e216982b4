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
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two more Aperture servers — the production artifact ({@code target/quarkus-app}), each its own JVM — beside the test's
 * own, on one PostgreSQL, OpenSearch and Keycloak, every scheduled job running on all three. The same records are sent
 * through both at once: each entry becomes one dataset, its visit one embargo, released once; the audit chain
 * verifies, the index holds what the database holds, and a role given through one server is honoured by the other
 * within the roles cache's bound.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoServersIT {
    private static final int SCANS = 40;

    @Inject
    EntityManager em;

    private ServerProcess a;
    private ServerProcess b;

    @BeforeAll
    void startServers() {
        a = ServerProcess.start("a");
        b = ServerProcess.start("b");
        a.awaitReady();
        b.awaitReady();
    }

    @AfterAll
    void stopServers() {
        if (a != null) {
            a.stop();
        }
        if (b != null) {
            b.stop();
        }
    }

    private static void importProposal(ServerProcess server, String code, String username, String role) {
        server.request().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body("""
                        {"proposals": [{"code": "%s", "title": "Proposal %s", "visits": [{"code": "%s-1"}],
                          "members": [{"role": "PI", "person": {"fullName": "Pat Investigator", "username": "pi"}},
                                      {"role": "%s", "person": {"fullName": "Someone %s", "username": "%s"}}]}]}"""
                        .formatted(code, code, code, role, username, username))
                .post("/api/ingest/user-office").then().statusCode(200);
    }

    private long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    @Test
    void theSameRecordsThroughBothServersAtOnceAreCataloguedAndReleasedOnce() throws Exception {
        String tag = "tw" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String proposal = "cm" + tag.substring(2, 8);
        importProposal(a, proposal, "member", "TEAM_MEMBER");
        // produced four years ago: the visit's embargo is over when it opens, so the first ingest also releases it
        Instant produced = Instant.now().atOffset(ZoneOffset.UTC).minusYears(4).toInstant();
        List<ObjectNode> records = new ArrayList<>();
        for (int i = 0; i < SCANS; i++) {
            records.add(Records.withProposal(Records.record(tag + " scan " + i, produced), proposal, proposal + "-1"));
        }
        List<ObjectNode> reversed = new ArrayList<>(records);
        Collections.reverse(reversed);
        String forward = Records.batch(records.toArray(ObjectNode[]::new)).toString();
        String backward = Records.batch(reversed.toArray(ObjectNode[]::new)).toString();

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> sent = new ArrayList<>();
        try {
            for (ServerProcess server : List.of(a, b)) {
                for (String body : List.of(forward, backward)) {
                    sent.add(pool.submit(() -> {
                        go.await();
                        return server.request().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                                .body(body).post("/api/ingest/records").then().statusCode(200)
                                .extract().<List<String>>path("results.status");
                    }));
                }
            }
            go.countDown();
            List<String> statuses = new ArrayList<>();
            for (Future<List<String>> f : sent) {
                statuses.addAll(f.get());
            }
            Map<String, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(byStatus).as("each entry created once, every other copy unchanged")
                    .containsExactlyInAnyOrderEntriesOf(Map.of("CREATED", (long) SCANS, "UNCHANGED", 3L * SCANS));
        } finally {
            pool.shutdownNow();
        }

        assertThat(count("SELECT count(*) FROM dataset WHERE title LIKE ?1", tag + " scan %")).isEqualTo(SCANS);
        assertThat(count("SELECT count(*) FROM embargo e JOIN visit v ON v.id = e.visit_id JOIN proposal p ON p.id = v.proposal_id "
                + "WHERE p.code = ?1", proposal)).as("one embargo for the visit").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'RELEASED' AND proposal LIKE ?1", "%" + proposal))
                .as("released once").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'EMBARGO_COMPUTED' AND proposal LIKE ?1", "%" + proposal))
                .as("the embargo computed once").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM (SELECT action, subject_id FROM audit_event WHERE proposal LIKE ?1 "
                + "GROUP BY action, subject_id HAVING count(*) > 1) d", "%" + proposal)).as("no audit row twice").isZero();
        b.request().auth().oauth2(Tokens.user("staff")).get("/api/staff/audit/verify").then().statusCode(200)
                .body("intact", org.hamcrest.Matchers.is(true));

        // the index equals the database, whichever instance's indexer drained the outbox, seen through either server
        for (ServerProcess server : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(server.request().queryParam("q", tag)
                    .get("/api/search").then().statusCode(200).extract().<Integer>path("total")).isEqualTo(SCANS));
        }
    }

    @Test
    void aRoleGivenThroughOneServerIsHonouredByTheOtherWithinTheCacheBound() {
        String tag = "tr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String proposal = "cm" + tag.substring(2, 8);
        importProposal(a, proposal, "alternate", "TEAM_MEMBER");
        String scan = Records.withProposal(Records.record(tag + " embargoed", Instant.now().minus(Duration.ofDays(1))),
                proposal, proposal + "-1").toString();
        a.request().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body("{\"records\": [" + scan + "]}")
                .post("/api/ingest/records").then().statusCode(200);
        RequestSpecification member = b.request().auth().oauth2(Tokens.user("member")).queryParam("q", tag);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(b.request().auth().oauth2(Tokens.user("staff"))
                .queryParam("q", tag).get("/api/search").then().extract().<Integer>path("total")).isEqualTo(1));
        // b has now read member's roles (and keeps them for the cache period): not a member yet
        assertThat(member.get("/api/search").then().statusCode(200).extract().<Integer>path("total")).isZero();

        importProposal(a, proposal, "member", "TEAM_MEMBER");
        long given = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(b.request().auth().oauth2(Tokens.user("member")).queryParam("q", tag).get("/api/search")
                        .then().statusCode(200).extract().<Integer>path("total")).isEqualTo(1));
        Duration took = Duration.ofNanos(System.nanoTime() - given);
        // aperture.access.roles-cache-ttl is 10 s by default; a poll interval and a token's round trip on top
        assertThat(took).as("seen by the other server within the documented bound").isLessThan(Duration.ofSeconds(12));
    }
}
