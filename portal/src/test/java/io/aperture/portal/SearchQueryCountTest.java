package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * A page of search hits costs a constant number of SQL statements, not one or more per hit: hits are read from the
 * index. Counted with Hibernate's statistics (on in the test profile) around pages of 1 and of 50 hits whose datasets
 * each have an instrument, a sample and techniques (what a per-hit entity load would fetch lazily).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class SearchQueryCountTest {
    /** Background jobs (the outbox poll each second) may add a statement or two while a page is served. */
    private static final long BACKGROUND_ALLOWANCE = 6;

    @Inject
    EntityManagerFactory emf;

    private long statementsFor(Runnable page) {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        assertThat(stats.isStatisticsEnabled()).as("quarkus.hibernate-orm.statistics in %test").isTrue();
        long before = stats.getPrepareStatementCount();
        page.run();
        return stats.getPrepareStatementCount() - before;
    }

    @Test
    void aPageOfFiftyHitsDoesNotQueryPerHit() {
        String tag = "qc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ObjectNode[] records = new ObjectNode[60];
        for (int i = 0; i < records.length; i++) {
            ObjectNode r = Records.record("Counted " + tag + " " + i, Instant.parse("2012-01-01T00:00:00Z").plusSeconds(i));
            r.putObject("instrument").put("name", "I0" + (i % 4) + " " + tag).put("shortName", "Q" + (i % 4) + tag);
            r.putObject("sample").put("name", "Sample " + i + " " + tag);
            r.putArray("techniques").addObject().put("iri", "http://purl.org/pan-science/PaNET/PaNET01164")
                    .put("label", "macromolecular crystallography");
            records[i] = r;
        }
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(records).toString())
                .post("/api/ingest/records").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("q", tag).queryParam("size", 1).get("/api/search").then().body("total", is(60)));

        long one = statementsFor(() -> given().queryParam("q", tag).queryParam("size", 1).get("/api/search").then().statusCode(200));
        long[] fifty = new long[1];
        long statements = statementsFor(() -> {
            List<String> instruments = given().queryParam("q", tag).queryParam("size", 50).get("/api/search").then()
                    .statusCode(200).body("hits.size()", is(50)).extract().path("hits.instrument");
            // the hits carry what a per-hit load would have fetched
            assertThat(instruments).hasSize(50).allSatisfy(i -> assertThat(i).endsWith(tag));
        });
        fifty[0] = statements;
        assertThat(fifty[0]).as("SQL statements for a page of 50 hits (a page of 1 took %d)", one)
                .isLessThanOrEqualTo(one + BACKGROUND_ALLOWANCE).isLessThan(50);
        given().queryParam("q", tag).queryParam("size", 50).get("/api/search").then()
                .body("hits[0].sample", org.hamcrest.Matchers.endsWith(tag))
                .body("hits[0].techniques[0]", is("macromolecular crystallography"));
    }
}
