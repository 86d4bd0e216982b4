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
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

/**
 * The index never drifts from the database: while the search engine is unreachable (its process frozen with SIGSTOP,
 * so connections hang as in a real outage) ingest goes on, changes wait in the outbox, and once the engine is back
 * the index catches up by itself until the counts agree.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class IndexCatchUpIT {
    @Inject
    OutboxIndexer indexer;

    private static ProcessHandle searchNode() {
        String hosts = ConfigProvider.getConfig().getValue("quarkus.hibernate-search-orm.elasticsearch.hosts", String.class);
        String port = hosts.substring(hosts.lastIndexOf(':') + 1).split(",")[0];
        return ProcessHandle.allProcesses()
                .filter(p -> {
                    String args = commandLine(p);
                    return args.contains("OpenSearchNodeMain") && args.contains(" " + port + " ");
                })
                .findFirst().orElseThrow(() -> new AssertionError("no OpenSearch node on port " + port + " on this machine"));
    }

    private static String commandLine(ProcessHandle p) {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc", String.valueOf(p.pid()), "cmdline")))
                    .replace('\0', ' ');
        } catch (Exception e) {
            return "";
        }
    }

    private static void signal(ProcessHandle p, String sig) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + sig, String.valueOf(p.pid())).start().waitFor()).isZero();
    }

    @Test
    void ingestDuringASearchOutageIsIndexedOnceTheEngineIsBack() throws Exception {
        String tag = "cu" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ProcessHandle node = searchNode();
        signal(node, "STOP");
        try {
            for (int batch = 0; batch < 3; batch++) {
                ObjectNode[] records = new ObjectNode[50];
                for (int i = 0; i < records.length; i++) {
                    records[i] = Records.record("Outage " + tag + " " + batch + "-" + i, Instant.parse("2014-01-01T00:00:00Z"));
                }
                given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(records).toString())
                        .post("/api/ingest/records").then().statusCode(200);
            }
            assertThat(indexer.backlog()).as("changes waiting while the engine is down").isGreaterThanOrEqualTo(150);
            // a search meanwhile is refused as temporarily unavailable (after aperture.search.timeout), saying nothing of
            // the engine's request (which carries the caller's access filter)
            given().queryParam("q", tag).get("/api/search").then().statusCode(503)
                    .header("Retry-After", "10")
                    .body("error.name", is("ServiceUnavailableError"))
                    .body("error.code", is("SEARCH_UNAVAILABLE"))
                    .body("error.message", is("search is unavailable for a moment; please try again shortly"));
            // the PaNOSC list sends its query without a thread waiting (issue #12): its own timer gives up at the same
            // timeout (10 s), well before the engine client's read timeout (30 s) would
            long sent = System.nanoTime();
            given().queryParam("filter", "{\"query\": \"" + tag + "\", \"include\": [{\"relation\": \"techniques\"}]}")
                    .get("/api/Datasets").then().statusCode(503)
                    .header("Retry-After", "10")
                    .body("error.code", is("SEARCH_UNAVAILABLE"))
                    .body("error.message", is("search is unavailable for a moment; please try again shortly"));
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("the list's wait for a hung engine").isLessThan(Duration.ofSeconds(25));
            given().queryParam("q", tag).get("/").then().statusCode(503).header("Retry-After", "10")
                    .body(containsString("please try again shortly"));
            // the instance stays ready (pages, exports, ingest work); the index's lag shows where operators look
            given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
            given().auth().oauth2(Tokens.user("staff")).get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'Search index' }.data.engineReachable", is(false))
                    .body("checks.find { it.name == 'Search index' }.data.backlog", greaterThanOrEqualTo(150));
        } finally {
            signal(node, "CONT");
        }
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                given().queryParam("q", tag).queryParam("size", 1).get("/api/search").then().statusCode(200).body("total", is(150)));
        await().atMost(Duration.ofSeconds(60)).until(() -> indexer.backlog() == 0);
        // the health figures are reused for a few seconds, and the indexer notes its recovery just after draining
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.user("staff")).get("/q/health/well").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'Search index' }.data.backlog", is(0))
                .body("checks.find { it.name == 'Search index' }.data.engineReachable", is(true)));
    }
}
