package io.aperture.portal;

import io.aperture.portal.testing.Catalogued;
import io.aperture.portal.testing.DataCiteStandIn;
import io.aperture.portal.testing.DataCiteStandInTest;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coarser DOI granularity alone ({@code aperture.doi.collections=PROPOSAL}, {@code aperture.doi.datasets=false}),
 * as a facility that mints one DOI per experiment: a release mints the proposal's collection DOI and no dataset DOI;
 * the collection's {@code HasPart} names the released dataset by its landing page; nothing is sent for a dataset, and
 * the embargoed one is named nowhere.
 */
@QuarkusTest
@TestProfile(DoiCollectionOnlyIT.CollectionsOnly.class)
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class DoiCollectionOnlyIT extends DataCiteStandInTest {

    /** DOIs on against the stand-in: one per proposal, none per dataset. */
    public static class CollectionsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return DataCiteStandIn.doiSettings(Map.of("aperture.doi.collections", "PROPOSAL", "aperture.doi.datasets", "false",
                    "aperture.doi.batch-size", "500"));
        }
    }

    @Test
    void onlyTheProposalGetsADoiAndItListsTheReleasedDatasetByItsPage() {
        String code = "cop" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body("""
                        {"proposals": [{"code": "%s", "title": "Experiment %s", "visits": [{"code": "%s-1"}, {"code": "%s-2"}],
                          "members": [{"role": "PI", "person": {"fullName": "Pat Investigator", "username": "pi"}}]}]}"""
                        .formatted(code, code, code, code))
                .post("/api/ingest/user-office").then().statusCode(200);
        Instant produced = Instant.now().minus(1, ChronoUnit.DAYS);
        String open = Catalogued.ingest(Records.withProposal(Records.record("Open sample " + code, produced), code, code + "-1"));
        String hidden = Catalogued.ingest(Records.withProposal(Records.record("Hidden sample " + code, produced), code, code + "-2"));

        given().auth().oauth2(Tokens.user("pi")).post("/api/embargoes/" + Catalogued.embargoOfVisit(em, code + "-1") + "/early-release")
                .then().statusCode(200);
        job.runOnce();

        String collection = DoiCollectionIT.collectionDoi(em, code);
        assertThat(collection).as("the proposal's DOI").startsWith(DataCiteStandIn.PREFIX + "/");
        assertThat(datacite.state(collection)).isEqualTo("findable");
        assertThat(DoiCollectionIT.doiOf(em, open)).as("the released dataset has no DOI of its own").isNull();
        assertThat(DoiCollectionIT.doiOf(em, hidden)).isNull();
        assertThat(datacite.calls()).as("every call is the collection's").isNotEmpty()
                .allSatisfy(c -> assertThat(c.doi()).isEqualTo(collection))
                .allSatisfy(c -> assertThat(String.valueOf(c.xml())).doesNotContain("Hidden sample").doesNotContain(hidden));
        assertThat(DoiCollectionIT.related(DoiCollectionIT.lastAppliedXml(datacite, collection), "HasPart"))
                .as("the released dataset by its landing page")
                .singleElement().satisfies(part -> assertThat(part).endsWith("/datasets/" + open));

        // the dataset's page stays the place its data is cited from (no DOI of its own), and the collection's lists it
        given().accept(ContentType.HTML).get("/datasets/" + open).then().statusCode(200);
        assertThat(given().accept(ContentType.HTML).get("/doi/" + collection).then().statusCode(200).extract().asString())
                .contains("Open sample " + code).doesNotContain("Hidden sample");
    }
}
