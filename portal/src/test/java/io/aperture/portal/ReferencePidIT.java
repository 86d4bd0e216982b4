package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Instruments and proposals whose readable pids coincide (a short name two stations share; proposal codes that differ
 * only in characters a pid cannot carry) are each registered with a pid of their own, by ingest and by the user-office
 * import alike; before, the second was silently dropped (a record without its instrument or proposal, so its team lost
 * access to its embargoed data) or the import failed with a 500. A user-office proposal that names one person twice in
 * one role is refused by name, and the rest of the import goes on.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class ReferencePidIT {
    private final String tag = "rp" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private static Response userOffice(String body) {
        return given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(body).post("/api/ingest/user-office");
    }

    private static List<String> ingest(ObjectNode... records) {
        return given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(records).toString())
                .post("/api/ingest/records").then().statusCode(200).body("results.status", is(List.of(records).stream()
                        .map(r -> "CREATED").toList())).extract().path("results.datasetPid");
    }

    private static Response dataset(String pid, String include) {
        return given().urlEncodingEnabled(false).get("/api/Datasets/" + pid + "?filter="
                + URLEncoder.encode("{\"include\": [\"" + include + "\"]}", StandardCharsets.UTF_8));
    }

    @Test
    void stationsSharingAShortNameAreEachAnInstrument() {
        String shortName = "S" + tag;
        userOffice("""
                {"proposals": [], "instruments": [{"name": "Station A %1$s", "shortName": "%2$s"},
                  {"name": "Station B %1$s", "shortName": "%2$s"}]}""".formatted(tag, shortName)).then().statusCode(200);
        ObjectNode c = Records.record("On station C " + tag, Instant.parse("2012-03-04T00:00:00Z"));
        c.putObject("instrument").put("name", "Station C " + tag).put("shortName", shortName);
        ObjectNode a = Records.record("On station A " + tag, Instant.parse("2012-03-05T00:00:00Z"));
        a.putObject("instrument").put("name", "Station A " + tag).put("shortName", shortName);
        List<String> pids = ingest(c, a);

        Response listed = given().urlEncodingEnabled(false).get("/api/Instruments?filter=" + URLEncoder.encode(
                "{\"where\": {\"name\": {\"like\": \"" + tag + "\"}}, \"order\": \"name ASC\"}", StandardCharsets.UTF_8));
        listed.then().statusCode(200).body("name", is(List.of("Station A " + tag, "Station B " + tag, "Station C " + tag)));
        List<String> instrumentPids = listed.jsonPath().getList("pid", String.class);
        assertThat(instrumentPids).doesNotHaveDuplicates().first().isEqualTo("DLS-" + shortName);
        dataset(pids.get(0), "instrument").then().statusCode(200).body("instrument.name", is("Station C " + tag))
                .body("instrument.pid", is(instrumentPids.get(2)));
        dataset(pids.get(1), "instrument").then().statusCode(200).body("instrument.pid", is("DLS-" + shortName));
    }

    @Test
    void proposalCodesThatReadAlikeAreEachAProposal() {
        String spaced = tag + " 1";
        String slashed = tag + "/1";
        userOffice("""
                {"proposals": [{"code": "%s", "title": "Spaced %3$s"}, {"code": "%s", "title": "Slashed %3$s"}]}"""
                .formatted(spaced, slashed, tag)).then().statusCode(200).body("results.status", is(List.of("IMPORTED", "IMPORTED")));
        String other = tag + ":1"; // a third, first seen by ingest
        List<String> pids = ingest(
                Records.withProposal(Records.record("Spaced data " + tag, Instant.parse("2012-01-01T00:00:00Z")), spaced, null),
                Records.withProposal(Records.record("Slashed data " + tag, Instant.parse("2012-01-02T00:00:00Z")), slashed, null),
                Records.withProposal(Records.record("Colon data " + tag, Instant.parse("2012-01-03T00:00:00Z")), other, null));
        Response spacedDoc = dataset(pids.get(0), "document");
        Response slashedDoc = dataset(pids.get(1), "document");
        Response otherDoc = dataset(pids.get(2), "document");
        spacedDoc.then().statusCode(200).body("document.title", is("Spaced " + tag));
        slashedDoc.then().statusCode(200).body("document.title", is("Slashed " + tag));
        otherDoc.then().statusCode(200).body("document.type", is("proposal"));
        assertThat(List.of(spacedDoc.path("document.pid"), slashedDoc.path("document.pid"), otherDoc.path("document.pid")))
                .doesNotHaveDuplicates().doesNotContainNull();
    }

    @Test
    void aPersonNamedTwiceInOneRoleRefusesThatProposalOnly() {
        userOffice("""
                {"proposals": [
                  {"code": "%1$sa", "members": [{"role": "PI", "person": {"fullName": "Twice %1$s", "username": "twice-%1$s"}},
                                                {"role": "PI", "person": {"fullName": "Twice %1$s", "username": "twice-%1$s"}}]},
                  {"code": "%1$sb", "members": [{"role": "PI", "person": {"fullName": "Once %1$s", "username": "once-%1$s"}}]}]}"""
                .formatted(tag)).then().statusCode(200)
                .body("results.status", is(List.of("REJECTED", "IMPORTED")))
                .body("results[0].field", is("proposals[0].members[1]"))
                .body("results[0].error", is("proposals[0].members[1]: names the same person in the same role as members[0]"));
    }
}
