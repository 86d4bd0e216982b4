package io.aperture.portal;

import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * A publication the user office reports with its title and year is a Document with that title and a releaseDate of
 * 1 January of that year (V23); one reported as a bare DOI keeps the DOI as title, and a later bare report keeps what an
 * earlier one said. Bad metadata refuses the proposal naming the field.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class PanoscPublicationMetadataIT {
    private final String tag = "pm" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String code = tag + "p";
    private final String described = "10.5555/" + tag + "-described";
    private final String bare = "10.5555/" + tag + "-bare";

    private Response userOffice(String publications) {
        return given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body("{\"proposals\": [{\"code\": \"" + code + "\", \"title\": \"Proposal " + tag + "\", \"publications\": "
                        + publications + "}]}")
                .post("/api/ingest/user-office");
    }

    private static Response document(String doi) {
        return given().urlEncodingEnabled(false).get("/api/Documents/" + doi.replace("/", "%2F"));
    }

    @Test
    void aReportedTitleAndYearMakeTheDocumentsTitleAndReleaseDate() {
        userOffice("[{\"doi\": \"" + described + "\", \"title\": \"Beetles in the beam " + tag + "\", \"year\": 2019,"
                + " \"authors\": [\"Ada Lovelace\", \"Alan Turing\"]}, \"" + bare + "\"]").then().statusCode(200);
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(Records.withProposal(Records.record("Published data " + tag, Instant.parse("2012-01-02T00:00:00Z")),
                        code, code + "-1")).toString())
                .post("/api/ingest/records").then().statusCode(200);

        document(described).then().statusCode(200).body("type", is("publication")).body("pid", is(described))
                .body("title", is("Beetles in the beam " + tag)).body("releaseDate", is("2019-01-01T00:00:00.000Z"));
        Response plain = document(bare);
        plain.then().statusCode(200).body("title", is(bare));
        assertThat(plain.jsonPath().getString("releaseDate")).as("the embargo end of its public data, as before")
                .isNotNull().doesNotStartWith("2019");
        // the text search over titles finds the reported title
        given().queryParam("filter", "{\"where\": {\"title\": {\"like\": \"Beetles in the beam " + tag + "\"}}}")
                .get("/api/Documents").then().statusCode(200).body("pid", is(List.of(described)));

        // a bare report of the same DOI keeps what was said; a new title replaces it
        userOffice("[\"" + described + "\"]").then().statusCode(200);
        document(described).then().statusCode(200).body("title", is("Beetles in the beam " + tag));
        userOffice("[{\"doi\": \"" + described + "\", \"title\": \"Beetles revisited " + tag + "\"}]").then().statusCode(200);
        document(described).then().statusCode(200).body("title", is("Beetles revisited " + tag))
                .body("releaseDate", is(plain.jsonPath().getString("releaseDate")));

        userOffice("[{\"doi\": \"" + described + "\", \"year\": 1066}]").then().statusCode(200)
                .body(containsString("\"error\":\"proposals[0].publications[0].year: must be a whole number from 1600 to 9999\""));
        document(described).then().statusCode(200).body("title", is("Beetles revisited " + tag));
    }
}
