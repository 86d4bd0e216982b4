package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.OncePerClass;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

/**
 * A withdrawn dataset whose DOI resolves answers 410 with a tombstone (title, DOI, publisher; nothing of the data)
 * at either address and in every form; a withdrawn dataset without a DOI stays the 404 of an unknown identifier.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TombstoneIT {
    @Inject
    EntityManager em;

    private final String tag = "tb" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String doi = "10.80004/aperture." + tag;
    private final OncePerClass setUp = new OncePerClass();
    private String withDoi;
    private String withoutDoi;

    @BeforeEach
    void catalogue() {
        setUp.run(this::load);
    }

    private void load() {
        Instant old = Instant.parse("2016-03-01T09:00:00Z");
        List<ObjectNode> records = List.of(onBeamline(Records.record("Retracted garnet " + tag, old)),
                onBeamline(Records.record("Quietly withdrawn garnet " + tag, old.plusSeconds(1))));
        List<String> pids = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(records.toArray(ObjectNode[]::new)).toString()).post("/api/ingest/records")
                .then().statusCode(200).body("results.status", everyItem(is("CREATED"))).extract().path("results.datasetPid");
        withDoi = pids.get(0);
        withoutDoi = pids.get(1);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'FINDABLE' WHERE pid = ?2")
                .setParameter(1, doi).setParameter(2, withDoi).executeUpdate());
        // both are public before the withdrawal
        for (String pid : pids) {
            given().accept(ContentType.HTML).get("/datasets/" + pid).then().statusCode(200);
            long embargo = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                            "SELECT e.id FROM embargo e JOIN dataset d ON e.dataset_id = d.id WHERE d.pid = ?1")
                    .setParameter(1, pid).getSingleResult()).longValue());
            given().auth().oauth2(Tokens.user("staff")).contentType(ContentType.JSON).body("{\"reason\": \"retracted\"}")
                    .post("/api/staff/embargoes/" + embargo + "/withdraw").then().statusCode(200);
        }
    }

    private ObjectNode onBeamline(ObjectNode r) {
        r.putObject("instrument").put("name", "Tombstone beamline " + tag);
        r.putObject("sample").put("name", "garnet sample " + tag);
        return r;
    }

    @Test
    void aWithdrawnDatasetWithADoiIsATombstoneAtEitherAddress() {
        for (String path : List.of("/datasets/" + withDoi, "/doi/" + doi)) {
            Response page = given().accept(ContentType.HTML).get(path);
            page.then().statusCode(410).contentType(ContentType.HTML);
            String html = page.asString();
            assertThat(html).contains("<h1>Retracted garnet " + tag + "</h1>")
                    .contains("<a href=\"https://doi.org/" + doi + "\">" + doi + "</a>")
                    .contains("has been withdrawn");
            assertThat(html).doesNotContain("Tombstone beamline").doesNotContain("garnet sample").doesNotContain("retracted")
                    .doesNotContain("application/ld+json").doesNotContain("cite-apa");
            assertThat(page.headers().getValues("Link")).containsExactly("<https://doi.org/" + doi + ">; rel=\"cite-as\"");
        }
    }

    @Test
    void everyOtherFormOfATombstoneIsA410WithoutMetadata() {
        for (String type : List.of("application/ld+json", "application/vnd.datacite.datacite+xml", "application/x-bibtex",
                "text/x-bibliography", "application/linkset+json")) {
            Response r = given().accept(type).get("/datasets/" + withDoi);
            r.then().statusCode(410).contentType(ContentType.JSON).body("error.code", is("GONE"));
            assertThat(r.asString()).as(type).doesNotContain(tag);
        }
    }

    @Test
    void aWithdrawnDatasetWithoutADoiIsAnUnknownOne() {
        for (String type : List.of("text/html", "application/ld+json", "application/vnd.datacite.datacite+xml")) {
            Response unknown = given().accept(type).get("/datasets/DLS-00000000000000000000");
            Response withdrawn = given().accept(type).get("/datasets/" + withoutDoi);
            withdrawn.then().statusCode(404);
            assertThat(withdrawn.asString()).as(type).isEqualTo(unknown.asString()).doesNotContain(tag);
            assertThat(withdrawn.contentType()).isEqualTo(unknown.contentType());
        }
        // the DataCite export and OAI-PMH do not serve withdrawn records at all
        given().get("/api/datasets/" + withDoi + "/datacite").then().statusCode(404);
    }
}
