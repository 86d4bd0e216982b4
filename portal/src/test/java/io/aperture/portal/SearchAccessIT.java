package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.OncePerClass;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;

/**
 * Search answers only what the policy lets the caller see — hits, totals and facet counts alike — against real
 * Keycloak tokens, PostgreSQL and OpenSearch.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAccessIT {
    /** A word only this test's datasets carry, so other tests' data does not disturb the counts. */
    private final String tag = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private String ownEmbargoed;
    private String otherEmbargoed;
    private String released;

    private final OncePerClass setUp = new OncePerClass();

    @BeforeEach
    void catalogue() {
        setUp.run(this::load);
    }

    private void load() {
        String p1 = "cm" + tag.substring(2, 7) + "a";
        String p2 = "cm" + tag.substring(2, 7) + "b";
        String userOffice = """
                {"proposals": [
                  {"code": "%s", "title": "Zeolite frameworks", "visits": [{"code": "%s-1"}], "members": [
                    {"role": "PI", "person": {"fullName": "Pat Investigator", "username": "pi", "orcid": "0000-0002-1825-0097"}},
                    {"role": "ALTERNATE_CONTACT", "person": {"fullName": "Alex Alternate", "username": "alternate"}},
                    {"role": "TEAM_MEMBER", "person": {"fullName": "Morgan Member", "username": "member"}}]},
                  {"code": "%s", "title": "Someone else's proposal", "members": [
                    {"role": "PI", "person": {"fullName": "Other Person", "username": "other-%s"}}]}
                ]}""".formatted(p1, p1, p2, tag);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(userOffice)
                .post("/api/ingest/user-office").then().statusCode(200)
                .body("results.status", everyItem(is("IMPORTED")));

        Instant recent = Instant.now().minus(2, ChronoUnit.DAYS);
        ObjectNode own = Records.withProposal(Records.record("Embargoed zeolite " + tag, recent), p1, p1 + "-1");
        ObjectNode other = Records.withProposal(Records.record("Embargoed perovskite " + tag, recent), p2, p2 + "-1");
        ObjectNode open = Records.record("Released garnet " + tag, Instant.parse("2015-06-01T12:00:00Z"));
        List<String> pids = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(own, other, open).toString()).post("/api/ingest/records")
                .then().statusCode(200).extract().path("results.datasetPid");
        ownEmbargoed = pids.get(0);
        otherEmbargoed = pids.get(1);
        released = pids.get(2);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                search(given().auth().oauth2(Tokens.user("staff"))).then().body("total", is(3)));
    }

    private io.restassured.response.Response search(RequestSpecification spec) {
        return spec.queryParam("q", tag).get("/api/search");
    }

    @Test
    void anonymousSeesOnlyReleasedDataInHitsAndFacets() {
        search(given()).then().statusCode(200)
                .body("total", is(1))
                .body("hits.pid", contains(released))
                .body("facets.access.value", contains("RELEASED"))
                .body("facets.access.count", contains(1));
        given().queryParam("q", tag).queryParam("access", "EMBARGOED").get("/api/search").then()
                .statusCode(200).body("total", is(0));
    }

    @Test
    void teamSeesItsOwnEmbargoedDataButNotOthers() {
        for (String user : List.of("pi", "alternate", "member")) {
            search(given().auth().oauth2(Tokens.user(user))).then().statusCode(200)
                    .body("total", is(2))
                    .body("hits.pid", containsInAnyOrder(ownEmbargoed, released))
                    .body("hits.pid", not(hasItem(otherEmbargoed)));
        }
    }

    @Test
    void aRoleGivenOrTakenByTheUserOfficeCountsFromTheNextRequest() {
        // the member's roles are read (and cached) before each import
        search(given().auth().oauth2(Tokens.user("member"))).then().body("total", is(2));
        importSecondProposal("""
                {"role": "PI", "person": {"fullName": "Other Person", "username": "other-%s"}},
                {"role": "TEAM_MEMBER", "person": {"fullName": "Morgan Member", "username": "member"}}""".formatted(tag));
        search(given().auth().oauth2(Tokens.user("member"))).then().body("total", is(3))
                .body("hits.pid", hasItem(otherEmbargoed));
        given().auth().oauth2(Tokens.user("member")).get("/api/datasets/" + otherEmbargoed + "/datacite").then().statusCode(200);

        importSecondProposal("""
                {"role": "PI", "person": {"fullName": "Other Person", "username": "other-%s"}}""".formatted(tag));
        search(given().auth().oauth2(Tokens.user("member"))).then().body("total", is(2))
                .body("hits.pid", not(hasItem(otherEmbargoed)));
        given().auth().oauth2(Tokens.user("member")).get("/api/datasets/" + otherEmbargoed + "/datacite").then().statusCode(404);
    }

    private void importSecondProposal(String members) {
        String p2 = "cm" + tag.substring(2, 7) + "b";
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON)
                .body("""
                        {"proposals": [{"code": "%s", "title": "Someone else's proposal", "members": [%s]}]}""".formatted(p2, members))
                .post("/api/ingest/user-office").then().statusCode(200).body("results.status", everyItem(is("IMPORTED")));
    }

    @Test
    void anExternalResearcherIsTreatedLikeTheAnonymousPublic() {
        search(given().auth().oauth2(Tokens.user("researcher"))).then().body("total", is(1)).body("hits.pid", contains(released));
    }

    @Test
    void withoutFacetsAPageHasTheSameHitsAndTotalButNoCounts() {
        search(given().auth().oauth2(Tokens.user("staff")).queryParam("facets", "false")).then().statusCode(200)
                .body("total", is(3))
                .body("hits", hasSize(3))
                .body("facets", anEmptyMap());
        search(given().queryParam("facets", "false")).then().body("total", is(1)).body("hits.pid", contains(released));
        search(given().queryParam("facets", "maybe")).then().statusCode(400).body("error.field", is("facets"));
    }

    @Test
    void staffSeeEverything() {
        search(given().auth().oauth2(Tokens.user("staff"))).then()
                .body("total", is(3))
                .body("facets.access.find { it.value == 'EMBARGOED' }.count", is(2));
    }

    @Test
    void embargoedLandingPagesAreIndistinguishableFromUnknownOnes() {
        String unknown = given().get("/datasets/DLS-00000000000000000000").then().statusCode(404).extract().asString();
        String hidden = given().get("/datasets/" + ownEmbargoed).then().statusCode(404).extract().asString();
        assertThat(hidden).isEqualTo(unknown).doesNotContain(tag).doesNotContain("zeolite");
        List<String> links = given().get("/datasets/" + released).then().statusCode(200)
                .body(containsString("Released garnet " + tag))
                .body(containsString("application/ld+json"))
                .extract().headers().getValues("Link");
        // one of its several Link headers (signposting levels 1 and 2) types it as a schema.org Dataset
        assertThat(links).anyMatch(l -> l.contains("schema.org/Dataset"));
    }

    @Test
    void thePanoscApiServesPublicDataOnly() {
        given().queryParam("filter", "{\"query\":\"" + tag + "\"}").get("/api/Datasets").then().statusCode(200)
                .body("pid", contains(released))
                .body("score", everyItem(allOf(greaterThan(0f), lessThan(1f))));
        given().auth().oauth2(Tokens.user("staff")).get("/api/datasets/" + ownEmbargoed).then().statusCode(404);
        given().get("/api/DATASETS/" + released).then().statusCode(200).body("isPublic", is(true));
    }

    @Test
    void theHomePageListsWhatTheVisitorMaySee() {
        String html = given().queryParam("q", tag).get("/").then().statusCode(200).extract().asString();
        assertThat(html).contains("Released garnet " + tag).doesNotContain("Embargoed zeolite").doesNotContain("perovskite");
    }

    @Test
    void hostileQueryStringsGetAClearError() {
        given().queryParam("size", "100000").get("/api/search").then().statusCode(400).body("error.message", containsString("size"));
        given().queryParam("after", "not-a-cursor").get("/api/search").then().statusCode(400);
        given().queryParam("q", "\"unterminated (AND OR ~~ " + tag).get("/api/search").then().statusCode(200);
        given().queryParam("filter", "{nope").get("/api/Datasets").then().statusCode(400);
        given().queryParam("year", "20x5").get("/api/search").then().statusCode(400);
    }

    @Test
    void aParameterRangeMatchesOneParameterWithUnitConversion() {
        String tag = this.tag + "u"; // its own word: the other tests count this class's datasets
        String w = "/entry/instrument/beam/incident_wavelength";
        ObjectNode hit = Records.record("Wavelength in range " + tag, Instant.parse("2016-01-01T00:00:00Z"));
        Records.withParameter(hit, w, 0.098, "nm", 0.98e-10, "m");
        // the value 1.0 Angstrom sits on another parameter: a mix of two must not match
        ObjectNode mixed = Records.record("Wavelength out of range " + tag, Instant.parse("2016-01-01T00:00:00Z"));
        Records.withParameter(mixed, w, 2.0, "Angstrom", 2.0e-10, "m");
        Records.withParameter(mixed, "/entry/instrument/other_length", 1.0, "Angstrom", 1.0e-10, "m");
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(hit, mixed).toString())
                .post("/api/ingest/records").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("q", "Wavelength " + tag).get("/api/search").then().body("total", is(2)));
        given().queryParam("q", tag).queryParam("param", w + ":0.9:1.1:Angstrom").get("/api/search").then().statusCode(200)
                .body("total", is(1)).body("hits[0].title", is("Wavelength in range " + tag));
        given().queryParam("q", tag).queryParam("param", w + ":0.09:0.11:nm").get("/api/search").then()
                .body("total", is(1));
        // the same number in a unit of another dimension finds nothing; an unknown unit is a clear error
        given().queryParam("q", tag).queryParam("param", w + ":0.9:1.1:keV").get("/api/search").then().body("total", is(0));
        given().queryParam("q", tag).queryParam("param", w + ":0.9:1.1:furlongs").get("/api/search").then().statusCode(400)
                .body("error.message", containsString("unknown unit"));
    }

    @Test
    void deepPagesFollowTheCursor() {
        var first = given().auth().oauth2(Tokens.user("staff")).queryParam("q", tag).queryParam("size", 2).queryParam("sort", "newest")
                .get("/api/search").then().statusCode(200).extract();
        String next = first.path("next");
        assertThat(next).isNotNull();
        List<String> firstPids = first.path("hits.pid");
        List<String> secondPids = given().auth().oauth2(Tokens.user("staff")).queryParam("q", tag).queryParam("size", 2)
                .queryParam("sort", "newest").queryParam("after", next).get("/api/search").then().statusCode(200)
                .extract().path("hits.pid");
        assertThat(secondPids).isNotEmpty().doesNotContainAnyElementsOf(firstPids);
    }
}
