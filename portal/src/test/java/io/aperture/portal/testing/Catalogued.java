package io.aperture.portal.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

/** Puts a record into the test server's catalogue and finds what it became, for the DOI tests. */
public final class Catalogued {
    private Catalogued() {
    }

    /** Ingests {@code record} as the harvester; it must be created. Returns its pid. */
    public static String ingest(ObjectNode record) {
        return given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(record).toString())
                .post("/api/ingest/records").then().statusCode(200).body("results[0].status", is("CREATED"))
                .extract().path("results[0].datasetPid");
    }

    /** The id of the embargo of the visit with code {@code visit}. */
    public static long embargoOfVisit(EntityManager em, String visit) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT e.id FROM embargo e JOIN visit v ON v.id = e.visit_id WHERE v.code = ?1")
                .setParameter(1, visit).getSingleResult()).longValue());
    }
}
