package io.aperture.portal;

import io.aperture.catalogue.doi.DoiJob;
import io.aperture.portal.testing.Catalogued;
import io.aperture.portal.testing.DataCiteStandIn;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.aperture.stack.datacite.LocalDataCite.Call;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * A new citation reported by the user office is a metadata change of the proposal's DOIs (issue #17: "metadata changes
 * (new files, corrected title, new citation) update it"): the released dataset's DOI and the proposal's collection are
 * published again with the publication as {@code IsCitedBy}, without a state change; the dataset still under embargo
 * (no DOI) is sent nothing; a re-import that changes nothing DataCite shows queues no call.
 */
@QuarkusTest
@TestProfile(DoiCollectionIT.ProposalCollections.class)
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class UserOfficeDoiUpdateIT {
    private static final String PUBLICATION = "10.5555/later.paper.17";

    private final DataCiteStandIn datacite = DataCiteStandIn.get();
    private final String code = "uo" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @Inject
    DoiJob job;
    @Inject
    EntityManager em;

    @AfterEach
    void reset() {
        datacite.reset();
    }

    private void importProposal(String publications) {
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body("""
                        {"proposals": [{"code": "%s", "title": "Cited later", "visits": [{"code": "%s-1"}, {"code": "%s-2"}],
                          "publications": %s,
                          "members": [{"role": "PI", "person": {"fullName": "Pat Investigator", "username": "pi"}}]}]}"""
                        .formatted(code, code, code, publications))
                .post("/api/ingest/user-office").then().statusCode(200).body("results[0].status", is("IMPORTED"));
    }

    @Test
    void aNewPublicationPublishesTheProposalsDoisAgainAndAnUnchangedImportSendsNothing() {
        importProposal("[]");
        Instant produced = Instant.now().minus(1, ChronoUnit.DAYS);
        String open = Catalogued.ingest(Records.withProposal(Records.record("Released garnet " + code, produced), code, code + "-1"));
        String hidden = Catalogued.ingest(Records.withProposal(Records.record("Embargoed garnet " + code, produced), code, code + "-2"));
        given().auth().oauth2(Tokens.user("pi")).post("/api/embargoes/" + Catalogued.embargoOfVisit(em, code + "-1") + "/early-release")
                .then().statusCode(200);
        job.runOnce();
        String doi = single("SELECT doi FROM dataset WHERE pid = ?1", open);
        String collection = single("SELECT c.doi FROM doi_collection c JOIN proposal p ON p.id = c.proposal_id WHERE p.code = ?1", code);
        assertThat(datacite.state(doi)).isEqualTo("findable");
        assertThat(datacite.state(collection)).isEqualTo("findable");
        assertThat(single("SELECT doi FROM dataset WHERE pid = ?1", hidden)).as("embargoed, no draft reserved").isNull();

        // the same import again: nothing DataCite shows changed, nothing is sent
        datacite.reset();
        importProposal("[]");
        job.runOnce();
        assertThat(datacite.calls()).as("no call for an unchanged proposal").noneSatisfy(c ->
                assertThat(c.doi()).isIn(doi, collection));

        // the user office reports a publication: both DOIs are published again, citing it
        importProposal("[\"doi:" + PUBLICATION + "\"]");
        job.runOnce();
        for (String d : List.of(doi, collection)) {
            List<Call> calls = datacite.callsFor(d);
            assertThat(calls).as(d).isNotEmpty().allSatisfy(c -> assertThat(c.problem()).isNull());
            assertThat(calls.getLast().event()).as(d).isEqualTo("publish");
            assertThat(calls.getLast().xml()).as(d)
                    .containsPattern("relationType=\"IsCitedBy\"[^>]*>" + Pattern.quote(PUBLICATION) + "<");
            assertThat(datacite.changesOf(d)).as("already findable: no state change").isEmpty();
        }
        assertThat(datacite.calls()).as("the embargoed dataset is named in no call")
                .allSatisfy(c -> assertThat(String.valueOf(c.xml())).doesNotContain("Embargoed garnet").doesNotContain(hidden));
    }

    /** The one row's value, which may be NULL (a dataset without DOI): not a stream, whose findFirst refuses nulls. */
    private String single(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(sql).setParameter(1, parameter)
                .getSingleResult());
    }
}
