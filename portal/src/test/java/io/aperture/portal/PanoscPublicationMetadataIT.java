package io.aperture.portal;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * A publication the user office reports with its title and year is a Document with that title and a releaseDate of
 * 1 January of that year (V23); one reported as a bare DOI keeps the DOI as title, and a later bare report keeps what an
 * earlier one said. Bad metadata refuses the proposal naming the field. Its reported authors are the Document's
 * members (role AUTHOR, a Person with the name only, in the reported order: V27), and only while the Document is served.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class PanoscPublicationMetadataIT {
    private final String tag = "pm" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String code = tag + "p";
    private final String described = "10.5555/" + tag + "-described";
    private final String bare = "10.5555/" + tag + "-bare";

    private Response userOffice(String publications) {
        return given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON)
                .body("{\"proposals\": [{\"code\": \"" + code + "\", \"title\": \"Proposal " + tag + "\", \"publications\": "
                        + publications + "}]}")
                .post("/api/ingest/user-office");
    }

    private static final String MEMBERS_WITH_PERSON =
            "{\"include\": [{\"relation\": \"members\", \"scope\": {\"include\": [\"person\", \"affiliation\"]}}]}";

    private static Response document(String doi, String filter) {
        return given().urlEncodingEnabled(false)
                .get("/api/Documents/" + doi.replace("/", "%2F") + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
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

    @Test
    void aPublicationsReportedAuthorsAreItsMembersWhileItIsServed() {
        String first = "Grace Hopper " + tag;
        String second = "Edsger Dijkstra " + tag;
        userOffice("[{\"doi\": \"" + described + "\", \"title\": \"Authored " + tag + "\", \"authors\": [\"" + first
                + "\", \"" + second + "\"]}, \"" + bare + "\"]").then().statusCode(200);
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(Records.withProposal(Records.record("Authored data " + tag, Instant.parse("2012-01-02T00:00:00Z")),
                        code, code + "-1")).toString())
                .post("/api/ingest/records").then().statusCode(200);
        // a second proposal whose only data is under embargo reports a publication of its own
        String hiddenCode = tag + "h";
        String hiddenDoi = "10.5555/" + tag + "-hidden";
        String hiddenAuthor = "Hidden Author " + tag;
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON)
                .body("{\"proposals\": [{\"code\": \"" + hiddenCode + "\", \"title\": \"Hidden " + tag + "\", \"publications\": "
                        + "[{\"doi\": \"" + hiddenDoi + "\", \"authors\": [\"" + hiddenAuthor + "\"]}]}]}")
                .post("/api/ingest/user-office").then().statusCode(200);
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(Records.withProposal(Records.record("Embargoed data " + tag, Instant.now().minusSeconds(86_400)),
                        hiddenCode, hiddenCode + "-1")).toString())
                .post("/api/ingest/records").then().statusCode(200);

        Response authored = document(described, MEMBERS_WITH_PERSON);
        authored.then().statusCode(200)
                .body("members.role", is(List.of("AUTHOR", "AUTHOR")))
                .body("members.person.fullName", is(List.of(first, second)));
        assertThat(authored.jsonPath().getList("members.id", String.class)).doesNotHaveDuplicates().hasSize(2);
        assertThat(authored.jsonPath().getList("members.person.id", String.class))
                .isEqualTo(authored.jsonPath().getList("members.id", String.class));
        assertThat(authored.asString()).as("no affiliation, login or e-mail is invented for an author")
                .doesNotContain("\"affiliation\"").doesNotContain("username").doesNotContain("email");
        document(bare, MEMBERS_WITH_PERSON).then().statusCode(200).body("members", is(List.of()));

        // the federation finds a publication by an author's name (inner join through members → person) ...
        String byAuthor = "{\"include\": [{\"relation\": \"members\", \"scope\": {\"include\": [{\"relation\": \"person\", "
                + "\"scope\": {\"where\": {\"fullName\": \"%s\"}}}]}}]}";
        given().queryParam("filter", byAuthor.formatted(second)).get("/api/Documents").then().statusCode(200)
                .body("pid", is(List.of(described)));
        // ... and finds nothing of a publication whose data is all embargoed, nor its author
        given().queryParam("filter", byAuthor.formatted(hiddenAuthor)).get("/api/Documents").then().statusCode(200)
                .body("$", is(List.of()));
        document(hiddenDoi).then().statusCode(404);
        // (the list is answered by the search engine: wait until it has indexed the released dataset)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String datasets = given().queryParam("filter", "{\"where\": {\"title\": {\"like\": \"data " + tag + "\"}}, "
                    + "\"include\": [{\"relation\": \"documents\", "
                    + "\"scope\": {\"include\": [{\"relation\": \"members\", \"scope\": {\"include\": [\"person\"]}}]}}]}")
                    .get("/api/Datasets").then().statusCode(200).extract().asString();
            assertThat(datasets).contains(first).doesNotContain(hiddenAuthor);
        });

        // the user office reports the list again, changed: the members follow it (same ids for the same positions)
        String third = "Barbara Liskov " + tag;
        userOffice("[{\"doi\": \"" + described + "\", \"title\": \"Authored " + tag + "\", \"authors\": [\"" + second
                + "\", \"" + third + "\", \"" + first + "\"]}]").then().statusCode(200);
        Response changed = document(described, MEMBERS_WITH_PERSON);
        changed.then().statusCode(200).body("members.person.fullName", is(List.of(second, third, first)));
        assertThat(changed.jsonPath().getList("members.id", String.class).subList(0, 2))
                .isEqualTo(authored.jsonPath().getList("members.id", String.class));
        // and the name finds the publication through the members' person (by primary key, V28)
        given().queryParam("filter", byAuthor.formatted(third)).get("/api/Documents").then().statusCode(200)
                .body("pid", is(List.of(described)));
        given().queryParam("filter", byAuthor.formatted("Nobody " + tag)).get("/api/Documents").then().statusCode(200)
                .body("$", is(List.of()));
    }
}
