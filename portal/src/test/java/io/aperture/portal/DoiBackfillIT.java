package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.DataCiteStandIn;
import io.aperture.portal.testing.DataCiteStandInTest;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

/**
 * {@code POST /api/staff/doi/backfill}: released datasets without a DOI (as if released before DOIs were enabled) get
 * one, findable at the DataCite stand-in with the full record; an embargoed dataset without a DOI is left alone.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestProfile(DoiLifecycleIT.DoisAtTheStandIn.class)
class DoiBackfillIT extends DataCiteStandInTest {
    @Test
    void releasedDatasetsWithoutADoiGetAFindableOneEmbargoedOnesDoNot() {
        String tag = "bf" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ObjectNode old = Records.record("Backfilled garnet " + tag, Instant.parse("2016-03-01T09:00:00Z"));
        ObjectNode recent = Records.record("Still embargoed garnet " + tag, Instant.now().minus(1, ChronoUnit.DAYS));
        List<String> pids = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(old, recent).toString()).post("/api/ingest/records")
                .then().statusCode(200).body("results.status", everyItem(is("CREATED"))).extract().path("results.datasetPid");
        // as before DOIs were enabled: no DOI, nothing queued
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM doi_outbox WHERE dataset_id IN (SELECT id FROM dataset WHERE pid = ANY(?1))")
                    .setParameter(1, pids.toArray(String[]::new)).executeUpdate();
            em.createNativeQuery("UPDATE dataset SET doi = NULL, doi_state = 'NONE' WHERE pid = ANY(?1)")
                    .setParameter(1, pids.toArray(String[]::new)).executeUpdate();
        });

        given().auth().oauth2(Tokens.user("researcher")).post("/api/staff/doi/backfill").then().statusCode(403);
        given().auth().oauth2(Tokens.user("staff")).queryParam("limit", "0").post("/api/staff/doi/backfill").then()
                .statusCode(400).body("error.field", is("limit"));
        // newest first: the released dataset just made is the one a run of one takes
        given().auth().oauth2(Tokens.user("staff")).queryParam("limit", "1").post("/api/staff/doi/backfill").then()
                .statusCode(200).body("queued", is(1));

        String doi = doiOf(pids.get(0));
        assertThat(doi).startsWith(DataCiteStandIn.PREFIX + "/");
        assertThat(doiOf(pids.get(1))).as("an embargoed dataset is not backfilled").isNull();
        job.runOnce();
        assertThat(datacite.state(doi)).isEqualTo("findable");
        assertThat(datacite.changesOf(doi)).containsExactly(new DataCiteStandIn.Change(doi, "none", "findable"));
        assertThat(datacite.callsFor(doi).getLast().problem()).isNull();
        // the landing page now names it
        given().accept(ContentType.HTML).get("/doi/" + doi).then().statusCode(200);
    }

    private String doiOf(String pid) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("SELECT doi FROM dataset WHERE pid = ?1")
                .setParameter(1, pid).getSingleResult());
    }
}
