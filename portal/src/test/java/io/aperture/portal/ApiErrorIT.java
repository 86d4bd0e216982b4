package io.aperture.portal;

import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/**
 * Every API error has one JSON shape ({@code {"error": {statusCode, name, message, code?, field?}}}), whichever
 * resource refuses, and an embargoed record is refused exactly like one that does not exist.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class ApiErrorIT {

    @Test
    void malformedSearchInputIsABadRequestInTheSharedShape() {
        given().queryParam("size", "100000").get("/api/search").then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error.statusCode", is(400))
                .body("error.name", is("BadRequestError"))
                .body("error.field", is("size"))
                .body("error.message", startsWith("size: "));
        given().queryParam("filter", "{nope").get("/api/datasets").then().statusCode(400)
                .body("error.name", is("BadRequestError"))
                .body("error.field", is("filter"))
                .body("error.message", is("filter: is not valid JSON"));
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body("{\"records\": [{\"title\": ")
                .post("/api/ingest/records").then().statusCode(400)
                .body("error.name", is("BadRequestError"))
                .body("error.message", startsWith("malformed JSON at line 1"));
    }

    @Test
    void aPanoscPageBeyondTheEnginesResultWindowIsABadRequestNotAServerError() {
        given().queryParam("filter", "{\"skip\": 10000}").get("/api/datasets").then().statusCode(400)
                .body("error.field", is("filter.skip"))
                .body("error.message", is("filter.skip: must be a whole number from 0 to 9999"));
        // a page reaching past the window, or a limit above the maximum, is clamped: the federation drops facilities that refuse
        given().queryParam("filter", "{\"skip\": 9950, \"limit\": 100}").get("/api/datasets").then().statusCode(200);
        given().queryParam("filter", "{\"limit\": 100000}").get("/api/datasets").then().statusCode(200)
                .body("size()", lessThanOrEqualTo(1000));
        given().queryParam("filter", "{\"limit\": -1}").get("/api/datasets").then().statusCode(400).body("error.field", is("filter.limit"));
        given().queryParam("filter", "{\"limit\": 1.5}").get("/api/datasets").then().statusCode(400).body("error.field", is("filter.limit"));
        given().queryParam("filter", "{\"limit\": 1e3, \"skip\": \"2\"}").get("/api/datasets").then().statusCode(200);
        given().queryParam("filter", "{\"limit\": 1e30}").get("/api/datasets").then().statusCode(200);
        // a relation the API does not know is refused naming it, with or without matching datasets, never ignored
        given().queryParam("filter", "{\"include\": [{\"relation\": \"nonsense\", \"scope\": {\"where\": {\"name\": \"a.nxs\"}}}]}")
                .get("/api/datasets").then().statusCode(400).body("error.field", is("filter.include[0].relation"))
                .body("error.message", containsString("\"nonsense\""));
        given().queryParam("filter", "{\"where\": {\"title\": \"no such title anywhere\"}, \"include\": [\"instrument\", {\"relation\": \"documents\", \"scope\": {\"include\": [\"nonsense\"]}}]}")
                .get("/api/datasets").then().statusCode(400).body("error.message", containsString("\"nonsense\""));
        // conditions on files are applied inside the index query now (PanoscDatasetsIT checks their results)
        given().queryParam("filter", "{\"include\": [{\"relation\": \"files\", \"scope\": {\"where\": {\"name\": \"a.nxs\"}}}]}")
                .get("/api/datasets").then().statusCode(200);
        // techniques are such a condition now, over the PaNET closure (PanoscFederationIT checks the results)
        given().queryParam("filter", "{\"include\": [{\"relation\": \"techniques\", \"scope\": {\"where\": {\"pid\": \"http://purl.org/pan-science/PaNET/PaNET01188\"}}}]}")
                .get("/api/datasets").then().statusCode(200);
        given().queryParam("filter", "{\"include\": [{\"relation\": \"techniques\"}]}").get("/api/datasets").then().statusCode(200);
        given().queryParam("q", "x").queryParam("size", "0").get("/").then().statusCode(400)
                .contentType(ContentType.HTML).body(containsString("size: must be a whole number"));
    }

    @Test
    void aUserOfficeProposalWithABadOrcidIsRejectedByFieldAndTheRestIsImported() {
        String code = "cm" + (10000000 + new Random().nextInt(89999999));
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body("""
                        {"proposals": [
                          {"code": "%sa", "title": "Bad ORCID", "members": [{"role": "PI", "person": {"fullName": "A B", "orcid": "0000-0002-1825-0098"}}]},
                          {"code": "%sb", "title": "Good ORCID", "members": [{"role": "PI", "person": {"fullName": "C D", "orcid": "https://orcid.org/0000-0003-1234-5674"}}]}]}"""
                        .formatted(code, code))
                .post("/api/ingest/user-office").then().statusCode(200)
                .body("results.status", contains("REJECTED", "IMPORTED"))
                .body("results[0].field", is("proposals[0].members[0].person.orcid"))
                .body("results[0].error", containsString("check digit"));
        // the ORCID of one person with the username of another: refused by field, not a server error
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body("""
                        {"proposals": [{"code": "%sc", "title": "E F", "members": [{"role": "PI", "person":
                          {"fullName": "E F", "username": "u%s"}}]}]}""".formatted(code, code))
                .post("/api/ingest/user-office").then().statusCode(200).body("results[0].status", is("IMPORTED"));
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body("""
                        {"proposals": [{"code": "%sd", "title": "Two people", "members": [{"role": "PI", "person":
                          {"fullName": "C D", "orcid": "0000-0003-1234-5674", "username": "u%s"}}]}]}""".formatted(code, code))
                .post("/api/ingest/user-office").then().statusCode(200)
                .body("results[0].status", is("REJECTED"))
                .body("results[0].field", is("proposals[0].members[0].person.username"));
    }

    @Test
    void aResourcesOwnBadRequestKeepsItsMessage() {
        given().auth().oauth2(Tokens.user("staff")).queryParam("order", "sideways").get("/api/staff/audit").then()
                .statusCode(400).contentType(ContentType.JSON)
                .body("error.statusCode", is(400))
                .body("error.message", is("order must be asc or desc"));
        // a whole-number parameter out of range: named (input.WholeNumber)
        given().auth().oauth2(Tokens.user("staff")).queryParam("limit", "0").get("/api/staff/audit").then()
                .statusCode(400).contentType(ContentType.JSON)
                .body("error.field", is("limit"))
                .body("error.message", is("limit: must be a whole number from 1 to 50000"));
    }

    @Test
    void auditFiltersWithANulOrADateOutOfRangeAreBadRequestsNamingTheField() {
        for (String field : List.of("actor", "proposal", "action")) {
            given().auth().oauth2(Tokens.user("staff")).queryParam(field, "x\u0000y").get("/api/staff/audit").then()
                    .statusCode(400).contentType(ContentType.JSON)
                    .body("error.field", is(field))
                    .body("error.message", is(field + ": contains a control character (U+0000) at position 1"));
        }
        given().auth().oauth2(Tokens.user("staff")).queryParam("actor", "x".repeat(201)).get("/api/staff/audit").then()
                .statusCode(400).body("error.field", is("actor")).body("error.message", containsString("longer than 200"));
        for (String field : List.of("from", "to")) {
            given().auth().oauth2(Tokens.user("staff")).queryParam(field, "+999999999-12-31T00:00:00Z").get("/api/staff/audit")
                    .then().statusCode(400)
                    .body("error.field", is(field))
                    .body("error.message", is(field + ": must be between the years 1 and 9999"));
        }
        given().auth().oauth2(Tokens.user("staff")).queryParam("actor", "nobody-" + UUID.randomUUID())
                .queryParam("from", "2020-01-01").get("/api/staff/audit").then().statusCode(200).body("size()", is(0));
    }

    @Test
    void aUserOfficeImportRefusesNulsOverlongTextAndFarDatesByFieldAndImportsTheRest() {
        String code = "cm" + (10000000 + new Random().nextInt(89999999));
        String summary = "s".repeat(20_001);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body("""
                        {"proposals": [
                          {"code": "%sa", "title": "NUL\\u0000title"},
                          {"code": "%sb", "title": "Far visit", "visits": [{"code": "%sb-1", "start": "+999999999-12-31T00:00:00Z"}]},
                          {"code": "%sc", "summary": "%s"},
                          {"code": "%sd", "members": [{"role": "PI", "person": {"fullName": "A\\u0000B"}}]},
                          {"code": "%se\\u0000"},
                          {"code": "%sf", "title": "Fine", "visits": [{"code": "%sf-1", "start": "2026-01-01T00:00:00Z"}]}]}"""
                        .formatted(code, code, code, code, summary, code, code, code, code))
                .post("/api/ingest/user-office").then().statusCode(200)
                .body("results.status", contains("REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "IMPORTED"))
                .body("results.field", contains("proposals[0].title", "proposals[1].visits[0].start", "proposals[2].summary",
                        "proposals[3].members[0].person.fullName", "proposals[4].code", null))
                .body("results[0].error", is("proposals[0].title: contains a control character (U+0000) at position 3"))
                .body("results[1].error", is("proposals[1].visits[0].start: must be between the years 1 and 9999"))
                .body("results[2].error", is("proposals[2].summary: is longer than 20000 characters"));
    }

    @Test
    void absurdUnitsInSearchBoundsAreBadRequests() {
        given().queryParam("param", "wavelength:1::m^99999").get("/api/search").then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error.field", is("param"))
                .body("error.message", containsString("exponent"));
        given().queryParam("param", "wavelength:1e308::km").get("/api/search").then().statusCode(400)
                .body("error.field", is("param"))
                .body("error.message", containsString("beyond the range"));
        given().queryParam("q", "x").queryParam("param", "wavelength:1e308::km").get("/").then().statusCode(400)
                .contentType(ContentType.HTML).body(containsString("beyond the range"));
    }

    @Test
    void anInvalidRecordNamesTheField() {
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body("{\"records\": 5}")
                .post("/api/ingest/records").then().statusCode(400)
                .body("error.name", is("BadRequestError"))
                .body("error.field", is("records"))
                .body("error.message", not(emptyOrNullString()));
    }

    @Test
    void anEmbargoedPidLooksExactlyLikeAnUnknownOneOnThePanoscApi() {
        String tag = "ae" + UUID.randomUUID().toString().substring(0, 8);
        String embargoed = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(Records.record("Embargoed " + tag, Instant.now().minus(1, ChronoUnit.DAYS))).toString())
                .post("/api/ingest/records").then().statusCode(200).extract().path("results[0].datasetPid");
        String unknown = embargoed.substring(0, embargoed.length() - 3) + "zzz";

        for (String pid : new String[]{embargoed, unknown}) {
            given().get("/api/datasets/" + pid).then().statusCode(404)
                    .body("error.statusCode", is(404))
                    .body("error.name", is("NotFoundError"))
                    .body("error.code", is("MODEL_NOT_FOUND"))
                    .body("error.message", is("Unknown \"Dataset\" id \"" + pid + "\"."))
                    .body("error", not(hasKey("field")));
        }
    }

    @Test
    void portalPagesKeepTheirHtmlNotFound() {
        given().accept(ContentType.HTML).get("/datasets/no-such-dataset").then().statusCode(404)
                .contentType(ContentType.HTML);
    }
}
