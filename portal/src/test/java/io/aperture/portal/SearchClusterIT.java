package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.SearchCluster;
import io.aperture.portal.testing.Tokens;
import io.aperture.stack.SearchDataNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A two-node OpenSearch cluster: the stack's node (cluster manager and data) and a data node joined to it
 * ({@link SearchDataNode}, a JVM of its own). The indexes get one replica each, so the cluster is green; the data node
 * is then killed (SIGKILL) while records are being ingested: the cluster goes yellow and keeps serving, and every
 * record is found exactly once.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchClusterIT {
    private static final int BATCHES = 6;
    private static final int PER_BATCH = 5;
    private final SearchCluster cluster = SearchCluster.ofTestServer();
    private SearchDataNode dataNode;

    @BeforeAll
    void joinADataNode() throws Exception {
        dataNode = SearchDataNode.join(Path.of("target", "search-data-node-" + ProcessHandle.current().pid()),
                cluster.singleNodeTransport(), "384m", cluster.account());
    }

    @AfterAll
    void stopDataNode() {
        if (dataNode != null) {
            dataNode.close();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int searchTotal(String tag) {
        return given().auth().oauth2(Tokens.user("staff")).queryParam("q", tag).get("/api/search")
                .then().statusCode(200).extract().<Integer>path("total");
    }

    @Test
    void aDataNodeKilledDuringIngestLeavesTheClusterYellowServingAndNothingLost() throws Exception {
        // two nodes, every replica placed: green; the application's indexes carry one replica each
        cluster.awaitGreenWithTwoNodes();

        String tag = "sc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Instant produced = Instant.now().minus(Duration.ofDays(3 * 365 + 200));
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        CompletableFuture<List<String>> ingest = CompletableFuture.supplyAsync(() -> {
            List<String> statuses = new ArrayList<>();
            for (int b = 0; b < BATCHES; b++) {
                if (b == BATCHES / 2) {
                    // the kill lands mid-run, while the first half may still be on its way through the outbox
                    halfway.countDown();
                    awaitQuietly(killed);
                }
                ObjectNode[] batch = new ObjectNode[PER_BATCH];
                for (int i = 0; i < PER_BATCH; i++) {
                    batch[i] = Records.record(tag + " scan " + (b * PER_BATCH + i), produced);
                }
                statuses.addAll(given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                        .body(Records.batch(batch).toString()).post("/api/ingest/records").then().statusCode(200)
                        .extract().<List<String>>path("results.status"));
            }
            return statuses;
        });
        assertThat(halfway.await(1, TimeUnit.MINUTES)).as("half the batches ingested").isTrue();
        dataNode.kill();
        killed.countDown();

        // replicas unplaced, every primary served
        cluster.awaitYellowWithOneNode();
        // served while yellow (a red index would fail the search, not answer with a part of it)
        searchTotal(tag);

        assertThat(ingest.get()).as("every record accepted once").hasSize(BATCHES * PER_BATCH).containsOnly("CREATED");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(searchTotal(tag)).as("every record searchable, none twice").isEqualTo(BATCHES * PER_BATCH));
        assertThat(cluster.get("/_cluster/health").path("status").asText()).isEqualTo("yellow");
    }
}
