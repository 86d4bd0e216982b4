package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * What the PaNOSC API's database path attaches, at its edges (review of issue #12's list): nothing to a dataset the
 * database already hides while the index still lists it; no more related objects than {@code aperture.panosc.attached-max}
 * (here 8) in one answer, a 400 naming the include beyond it; no statement longer than
 * {@code aperture.panosc.statement-timeout} (here 1 s), a 503 with Retry-After past it; and dates beyond the stored
 * years compared, not a 500.
 */
@QuarkusTest
@TestProfile(PanoscAttachBoundsIT.Bounded.class)
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class PanoscAttachBoundsIT {
    public static class Bounded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aperture.panosc.attached-max", "8", "aperture.panosc.statement-timeout", "PT1S");
        }
    }

    @Inject
    EntityManager em;

    /** Two public datasets tagged {@code tag}, each with a sample and five parameters; searchable when this returns. */
    private static void ingest(String tag) {
        ObjectNode[] records = new ObjectNode[2];
        for (int i = 0; i < records.length; i++) {
            ObjectNode r = Records.record("Bounded " + tag + " " + i, Instant.parse("2013-01-01T00:00:00Z").plusSeconds(i));
            r.putObject("sample").put("name", "Sample " + i + " " + tag);
            for (String name : List.of("a", "b", "c", "d", "e")) {
                Records.withParameter(r, name + "_" + i, i, "K", i, "K");
            }
            records[i] = r;
        }
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(records).toString())
                .post("/api/ingest/records").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().queryParam("filter", "{\"where\": {\"title\": {\"like\": \""
                + tag + "\"}}}").get("/api/Datasets").then().statusCode(200).body("size()", is(2)));
    }

    private static String tag() {
        return "ab" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void aDatasetTheDatabaseHidesGetsNothingAttachedWhileTheIndexStillListsIt() {
        String tag = tag();
        ingest(tag);
        String pid = given().queryParam("filter", "{\"where\": {\"title\": \"Bounded " + tag + " 0\"}}").get("/api/Datasets")
                .then().statusCode(200).extract().path("[0].pid");
        // withdrawn in the database only: no outbox entry, so the index keeps listing it as public (the documented lag)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE dataset SET access_state = 'WITHDRAWN' WHERE pid = ?1")
                .setParameter(1, pid).executeUpdate());
        try {
            List<Map<String, Object>> page = given().queryParam("filter", "{\"where\": {\"title\": {\"like\": \"" + tag
                            + "\"}}, \"include\": [\"samples\"]}").get("/api/Datasets")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertThat(page).hasSize(2);
            for (Map<String, Object> d : page) {
                boolean hidden = d.get("title").equals("Bounded " + tag + " 0");
                assertThat((List<?>) d.get("samples")).as(d.get("title") + ": its samples").hasSize(hidden ? 0 : 1);
            }
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE dataset SET access_state = 'RELEASED' WHERE pid = ?1")
                    .setParameter(1, pid).executeUpdate());
        }
    }

    @Test
    void anAnswerAttachesAtMostTheBoundAndBeyondItIsA400NamingTheInclude() {
        String tag = tag();
        ingest(tag);
        String where = "\"where\": {\"title\": {\"like\": \"" + tag + "\"}}";
        // 2 samples + 2 × 3 parameters = 8: within the bound (parameters ordered, so attached from the database)
        given().queryParam("filter", "{" + where + ", \"include\": [\"samples\", {\"relation\": \"parameters\", \"scope\": "
                        + "{\"order\": \"name\", \"limit\": 3}}]}").get("/api/Datasets")
                .then().statusCode(200).body("size()", is(2)).body("[0].parameters.size()", is(3)).body("[1].samples.size()", is(1));
        // 2 samples + 2 × 4 parameters = 10: past it, whichever include crosses it is named
        given().queryParam("filter", "{" + where + ", \"include\": [\"samples\", {\"relation\": \"parameters\", \"scope\": "
                        + "{\"order\": \"name\", \"limit\": 4}}]}").get("/api/Datasets")
                .then().statusCode(400).body("error.field", is("filter.include[1]"))
                .body("error.message", containsString("more than 8 related objects"));
    }

    @Test
    void aStatementPastItsTimeBoundIsCancelledAndAnswered503() throws Exception {
        String tag = tag();
        ingest(tag);
        String filter = "{\"where\": {\"title\": {\"like\": \"" + tag + "\"}}, \"include\": [\"samples\"]}";
        // the samples' attach statement cannot finish while another transaction holds the table: as a statement that
        // ranks millions of rows, it runs past the bound, whatever made it slow
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("LOCK TABLE sample IN ACCESS EXCLUSIVE MODE").executeUpdate();
            locked.countDown();
            try {
                done.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).as("the table is held").isTrue();
            long started = System.nanoTime();
            given().queryParam("filter", filter).get("/api/Datasets").then().statusCode(503)
                    .header("Retry-After", is("10"))
                    .body("error.code", is("STATEMENT_TIMEOUT"))
                    .body("error.message", containsString("narrower filter"))
                    .body(not(containsString(tag)));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("cancelled at the bound, not after the lock")
                    .isLessThan(Duration.ofSeconds(8));
        } finally {
            done.countDown();
            holder.join(30_000);
        }
        // the cancelled statement left nothing behind: the same filter answers on the next request
        given().queryParam("filter", filter).get("/api/Datasets").then().statusCode(200).body("size()", is(2))
                .body("[0].samples.size()", is(1));
    }

    @Test
    void datesBeyondTheStoredYearsAreComparedNotRefused() {
        String tag = tag();
        ingest(tag);
        String title = "\"title\": {\"like\": \"" + tag + "\"}";
        given().queryParam("filter", "{\"where\": {" + title + ", \"creationDate\": {\"lt\": \"+300000-01-01T00:00:00Z\"}}}")
                .get("/api/Datasets").then().statusCode(200).body("size()", is(2));
        given().queryParam("filter", "{\"where\": {" + title + ", \"creationDate\": {\"gt\": 9223372036854775807}}}")
                .get("/api/Datasets").then().statusCode(200).body("size()", is(0));
        given().queryParam("filter", "{\"where\": {" + title + ", \"creationDate\": {\"gte\": \"-300000-01-01\"}}}")
                .get("/api/Datasets").then().statusCode(200).body("size()", is(2));
        given().queryParam("where", "{\"startDate\": {\"gt\": \"+300000-01-01\"}}").get("/api/Documents/count")
                .then().statusCode(200).body("count", is(0));
        given().queryParam("where", "{\"releaseDate\": {\"lt\": 9223372036854775807}}").get("/api/Documents/count")
                .then().statusCode(200);
        // and below the range, in the database too: a year PostgreSQL holds only as BC
        given().queryParam("where", "{\"startDate\": {\"lt\": \"-300000-01-01\"}}").get("/api/Documents/count")
                .then().statusCode(200).body("count", is(0));
        given().queryParam("where", "{\"releaseDate\": {\"gte\": -9223372036854775808}}").get("/api/Documents/count")
                .then().statusCode(200);
    }
}
