package io.aperture.portal;

import io.aperture.catalogue.doi.DoiJob;
import io.aperture.portal.testing.DataCiteStandIn;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

/**
 * The FAIR assessment follows the DOI (issue #16, "recomputed when the record changes"): a reserved draft is no
 * persistent identifier, and the identifier metric passes once DataCite has accepted a resolving state — without the
 * record being ingested again. Against the DataCite stand-in, with the DOI lifecycle's profile.
 */
@QuarkusTest
@TestProfile(DoiLifecycleIT.DoisAtTheStandIn.class)
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class QualityReassessIT {
    private final DataCiteStandIn datacite = DataCiteStandIn.get();

    @Inject
    DoiJob job;
    @Inject
    EntityManager em;

    private static JsonPath quality(String pid) {
        return given().auth().oauth2(Tokens.user("staff")).get("/api/datasets/" + pid + "/quality")
                .then().statusCode(200).extract().jsonPath();
    }

    private static boolean identifierPassed(JsonPath q) {
        return q.getBoolean("fair.metrics.find { it.metric == 'identifier' }.passed");
    }

    @Test
    void theIdentifierMetricPassesOnceTheDoiResolvesWithoutANewIngest() {
        job.runOnce();
        datacite.reset();
        String title = "Assessed garnet " + UUID.randomUUID();
        Map<String, Object> scan = DoiLifecycleIT.embargoedScan(title,
                Records.record(title, Instant.now().minus(1, ChronoUnit.DAYS)));
        String pid = (String) scan.get("pid");

        JsonPath atIngest = quality(pid);
        assertThat(identifierPassed(atIngest)).as("a draft DOI is reserved, it does not resolve").isFalse();
        assertThat(atIngest.getString("fair.metrics.find { it.metric == 'identifier' }.reason")).contains("no resolving DOI");

        job.runOnce();
        JsonPath drafted = quality(pid);
        assertThat(identifierPassed(drafted)).as("DataCite holds a draft: still no resolving DOI").isFalse();
        assertThat(drafted.getString("assessedAt")).as("nothing to reassess").isEqualTo(atIngest.getString("assessedAt"));

        given().auth().oauth2(Tokens.user("pi")).post("/api/embargoes/" + scan.get("embargo") + "/early-release")
                .then().statusCode(200);
        job.runOnce();
        String doi = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT doi FROM dataset WHERE pid = ?1").setParameter(1, pid).getSingleResult());
        assertThat(datacite.state(doi)).isEqualTo("findable");

        JsonPath released = quality(pid);
        assertThat(identifierPassed(released)).as("the DOI resolves now").isTrue();
        assertThat(released.getString("fair.metrics.find { it.metric == 'identifier' }.reason")).contains(doi);
        assertThat(released.getInt("fair.score")).isGreaterThan(atIngest.getInt("fair.score"));
        assertThat(Instant.parse(released.getString("assessedAt"))).isAfter(Instant.parse(atIngest.getString("assessedAt")));
        // everything else is the record's, assessed the same way again
        assertThat(released.getList("fair.metrics.findAll { it.metric != 'identifier' }"))
                .isEqualTo(atIngest.getList("fair.metrics.findAll { it.metric != 'identifier' }"));
    }

    @Test
    void datasetsStoredWithoutQualityAreAssessedByTheStaffBackfill() {
        String title = "Unassessed beryl " + UUID.randomUUID();
        String pid = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(Records.record(title, Instant.now().minus(1, ChronoUnit.DAYS))).toString())
                .post("/api/ingest/records").then().statusCode(200).extract().path("results[0].datasetPid");
        JsonPath before = quality(pid);
        // as a dataset stored before migration V15 is
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM dataset_quality WHERE dataset_id = (SELECT id FROM dataset WHERE pid = ?1)")
                .setParameter(1, pid).executeUpdate());
        given().auth().oauth2(Tokens.user("staff")).get("/api/datasets/" + pid + "/quality").then().statusCode(404)
                .body("error.code", is("QUALITY_NOT_ASSESSED"));

        given().post("/api/staff/quality/backfill").then().statusCode(401);
        given().auth().oauth2(Tokens.user("researcher")).post("/api/staff/quality/backfill").then().statusCode(403)
                .body("error.code", is("STAFF_ONLY"));
        given().auth().oauth2(Tokens.user("staff")).queryParam("limit", 0).post("/api/staff/quality/backfill")
                .then().statusCode(400).body("error.field", is("limit"));
        given().auth().oauth2(Tokens.user("staff")).post("/api/staff/quality/backfill").then().statusCode(200)
                .body("assessed", greaterThanOrEqualTo(1));

        JsonPath after = quality(pid);
        assertThat(after.getInt("fair.score")).isEqualTo(before.getInt("fair.score"));
        assertThat(after.getList("fair.metrics")).isEqualTo(before.getList("fair.metrics"));
        assertThat(after.getBoolean("checked")).isEqualTo(before.getBoolean("checked"));
    }
}
