package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.DataCiteIT.Standards;
import io.aperture.portal.DataCiteIT.Xml;
import io.aperture.portal.testing.OncePerClass;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
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
 * OAI-PMH deleted records (docs/api-datacite-oaipmh.md): a record withdrawn after it was public, with a resolving DOI
 * or without one, is served as {@code <header status="deleted">} without metadata in GetRecord, ListIdentifiers and
 * ListRecords, its datestamp the withdrawal; a record withdrawn while embargoed, even with a registered DOI, leaves no
 * trace (idDoesNotExist, never listed). Identify says {@code deletedRecord persistent}. Every answer is valid against the OAI-PMH schema.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class OaiDeletedRecordsIT {
    private static final String REPO = "oai:aperture.local:";

    @Inject
    EntityManager em;

    private final String tag = "del" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final OncePerClass setUp = new OncePerClass();
    private String open;
    private String deleted;
    private String silent;
    private String neverPublic;
    private Instant withdrawnAt;

    @BeforeEach
    void catalogue() {
        setUp.run(this::load);
    }

    private ObjectNode onInstrument(ObjectNode r) {
        r.putObject("instrument").put("name", "Deletion beamline " + tag).put("shortName", tag);
        return r;
    }

    private void load() {
        Instant old = Instant.parse("2016-03-01T09:00:00Z");
        List<String> pids = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(onInstrument(Records.record("Kept garnet " + tag, old)),
                        onInstrument(Records.record("Retracted garnet " + tag, old.plusSeconds(1))),
                        onInstrument(Records.record("Quiet garnet " + tag, old.plusSeconds(2))),
                        onInstrument(Records.record("Unreleased garnet " + tag, Instant.now().minus(1, ChronoUnit.DAYS)))).toString())
                .post("/api/ingest/records").then().statusCode(200).body("results.status", everyItem(is("CREATED")))
                .extract().path("results.datasetPid");
        open = pids.get(0);
        deleted = pids.get(1);
        silent = pids.get(2);
        neverPublic = pids.get(3);
        // DOIs as DataCite would hold them: the released record's findable, the embargoed one's registered
        setDoi(deleted, "10.80005/aperture." + tag + ".d", "FINDABLE");
        setDoi(neverPublic, "10.80005/aperture." + tag + ".n", "REGISTERED");
        withdrawnAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (String pid : List.of(deleted, silent, neverPublic)) {
            long embargo = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                            "SELECT e.id FROM embargo e JOIN dataset d ON e.dataset_id = d.id WHERE d.pid = ?1")
                    .setParameter(1, pid).getSingleResult()).longValue());
            given().auth().oauth2(Tokens.user("staff")).contentType(ContentType.JSON).body("{\"reason\": \"retracted\"}")
                    .post("/api/staff/embargoes/" + embargo + "/withdraw").then().statusCode(200);
        }
    }

    private void setDoi(String pid, String doi, String state) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = ?2 WHERE pid = ?3")
                .setParameter(1, doi).setParameter(2, state).setParameter(3, pid).executeUpdate());
    }

    private static Xml oai(String... args) throws Exception {
        var spec = given();
        for (int i = 0; i + 1 < args.length; i += 2) {
            spec = spec.queryParam(args[i], args[i + 1]);
        }
        String body = spec.get("/oai").then().statusCode(200).contentType("text/xml").extract().asString();
        Standards.validateOai(body);
        return Xml.parse(body);
    }

    @Test
    void identifyDeclaresPersistentDeletedRecords() throws Exception {
        assertThat(oai("verb", "Identify").text("//oai:Identify/oai:deletedRecord")).isEqualTo("persistent");
    }

    @Test
    void aWithdrawnRecordThatWasPublicWithOrWithoutADoiIsADeletedHeader() throws Exception {
        for (String pid : List.of(deleted, silent)) {
            for (String prefix : List.of("oai_dc", "oai_datacite")) {
                Xml x = oai("verb", "GetRecord", "metadataPrefix", prefix, "identifier", REPO + pid);
                assertThat(x.text("//oai:record/oai:header/@status")).isEqualTo("deleted");
                assertThat(x.text("//oai:record/oai:header/oai:identifier")).isEqualTo(REPO + pid);
                assertThat(x.childNames("//oai:record")).as("no metadata").containsExactly("header");
                assertThat(Instant.parse(x.text("//oai:record/oai:header/oai:datestamp"))).as("the withdrawal")
                        .isAfterOrEqualTo(withdrawnAt.minusSeconds(1));
                assertThat(x.texts("//oai:record/oai:header/oai:setSpec")).contains("instrument:" + tag, "openaire_data");
                assertThat(x.text("/")).doesNotContain("Retracted garnet").doesNotContain("Quiet garnet");
            }
        }
        // the open record is served in full, without status
        Xml kept = oai("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", REPO + open);
        assertThat(kept.texts("//oai:record/oai:header/@status")).isEmpty();
        assertThat(kept.childNames("//oai:record")).containsExactly("header", "metadata");
    }

    @Test
    void aWithdrawalUnderEmbargoLeavesNoTrace() throws Exception {
        for (String pid : List.of(neverPublic)) {
            assertThat(oai("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", REPO + pid)
                    .text("//oai:error/@code")).as(pid).isEqualTo("idDoesNotExist");
        }
    }

    @Test
    void listsCarryTheDeletedHeaderAndNothingOfTheOthers() throws Exception {
        Xml ids = oai("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "instrument:" + tag);
        assertThat(ids.texts("//oai:header/oai:identifier")).containsExactlyInAnyOrder(REPO + open, REPO + deleted, REPO + silent);
        assertThat(ids.texts("//oai:header[@status='deleted']/oai:identifier")).containsExactlyInAnyOrder(REPO + deleted, REPO + silent);
        Xml records = oai("verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "instrument:" + tag);
        assertThat(records.texts("//oai:record/oai:header/oai:identifier")).containsExactlyInAnyOrder(REPO + open, REPO + deleted, REPO + silent);
        assertThat(records.texts("//oai:record[oai:header/@status='deleted']/oai:metadata")).isEmpty();
        assertThat(records.texts("//oai:record[not(oai:header/@status)]/oai:metadata")).hasSize(1);
        assertThat(records.text("/")).doesNotContain("Retracted garnet").doesNotContain("Quiet garnet")
                .doesNotContain("Unreleased garnet").contains("Kept garnet");
        // a harvest from before the withdrawal hears of it
        Xml since = oai("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "instrument:" + tag,
                "from", withdrawnAt.minusSeconds(5).toString());
        assertThat(since.texts("//oai:header[@status='deleted']/oai:identifier")).containsExactlyInAnyOrder(REPO + deleted, REPO + silent);
    }
}
