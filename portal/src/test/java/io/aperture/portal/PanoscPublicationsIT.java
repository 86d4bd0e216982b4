package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.OncePerClass;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * PaNOSC Documents of type {@code publication} (issue #12): from NXcite citations (one per distinct DOI, whatever form
 * the DOI is written in) and from the user office's publications, served only while a public dataset is theirs. An
 * embargoed dataset's citation makes nothing visible and adds no dataset. Fixtures go through the ingest and
 * user-office APIs.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PanoscPublicationsIT {
    private final String tag = "pp" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String proposalCode = tag + "p";
    private final String secretCode = tag + "s";
    /** Cited by two public datasets (in two spellings by one of them, with a URL-only citation) and an embargoed one. */
    private final String cited = "10.5555/" + tag + "-cited";
    /** Cited by an embargoed dataset only. */
    private final String secret = "10.5555/" + tag + "-secret";
    /** Reported by the user office for the proposal with public data. */
    private final String reported = "10.5555/" + tag + "-reported";
    /** Reported by the user office for the proposal whose data are all embargoed. */
    private final String reportedHidden = "10.5555/" + tag + "-hidden";
    private final List<String> all = List.of(cited, secret, reported, reportedHidden);
    private String openA;
    private String openB;
    private String embargoed;
    private final OncePerClass setUp = new OncePerClass();

    @BeforeEach
    void catalogue() {
        setUp.run(this::load);
    }

    private void load() {
        String uo = """
                {"proposals": [
                  {"code": "%1$s", "title": "Cited proposal %3$s", "publications": ["https://doi.org/%4$s"],
                   "members": [{"role": "PI", "person": {"fullName": "Pia Cited", "username": "pia-%3$s"}}]},
                  {"code": "%2$s", "title": "Secret proposal %3$s", "publications": ["%5$s"]}]}"""
                .formatted(proposalCode, secretCode, tag, reported, reportedHidden);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(uo).post("/api/ingest/user-office")
                .then().statusCode(200).body("results.status", is(List.of("IMPORTED", "IMPORTED")));

        ObjectNode a = Records.withProposal(Records.record("Citing alpha " + tag, Instant.parse("2012-01-02T00:00:00Z")),
                proposalCode, proposalCode + "-1");
        cite(a, "https://doi.org/" + cited, "doi:" + cited);
        a.withArray("citations").addObject().put("url", "https://example.org/" + tag); // no DOI: no publication
        ObjectNode b = Records.record("Citing beta " + tag, Instant.parse("2013-01-02T00:00:00Z"));
        cite(b, cited);
        ObjectNode e = Records.withProposal(Records.record("Citing embargoed " + tag, Instant.now().minus(Duration.ofDays(30))),
                secretCode, secretCode + "-1");
        cite(e, secret, cited);
        List<String> pids = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(a, b, e).toString()).post("/api/ingest/records")
                .then().statusCode(200).extract().path("results.datasetPid");
        openA = pids.get(0);
        openB = pids.get(1);
        embargoed = pids.get(2);
    }

    private static void cite(ObjectNode record, String... dois) {
        ArrayNode citations = record.withArray("citations");
        for (String doi : dois) {
            citations.addObject().put("doi", doi).put("description", "A paper");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Response get(String path, String param, String json) {
        return given().urlEncodingEnabled(false).get(path + (json == null ? "" : "?" + param + "=" + enc(json)));
    }

    private String inAll() {
        return "{\"pid\": {\"inq\": [\"" + String.join("\", \"", all) + "\"]}}";
    }

    @Test
    void publicationsWithPublicDataAreDocumentsAndAnEmbargoedCitationShowsNothing() {
        Response list = get("/api/Documents", "filter", "{\"where\": " + inAll() + ", \"order\": \"pid ASC\"}");
        list.then().statusCode(200);
        assertThat(list.jsonPath().getList("pid", String.class)).containsExactly(cited, reported);
        assertThat(list.jsonPath().getList("type", String.class)).containsOnly("publication");
        assertThat(list.jsonPath().getList("title", String.class)).containsExactly(cited, reported);
        assertThat(list.jsonPath().getList("isPublic", Boolean.class)).containsOnly(true);
        get("/api/Documents/count", "where", inAll()).then().statusCode(200).body("count", is(2));
        get("/api/Documents", "filter", "{\"where\": " + inAll() + ", \"order\": \"pid DESC\"}").then().statusCode(200)
                .body("pid", is(List.of(reported, cited)));
        get("/api/Documents", "filter", "{\"where\": {\"and\": [" + inAll() + ", {\"type\": \"publication\"}, {\"pid\": {\"like\": \"reported\"}}]}}")
                .then().statusCode(200).body("pid", is(List.of(reported)));

        // the embargoed dataset's own citation and the all-embargoed proposal's publication: unknown, in every form
        for (String hidden : List.of(secret, reportedHidden)) {
            get("/api/Documents/" + enc(hidden), null, null).then().statusCode(404).body("error.code", is("MODEL_NOT_FOUND"));
            get("/api/Documents/count", "where", "{\"pid\": \"" + hidden + "\"}").then().statusCode(200).body("count", is(0));
        }
        String everything = get("/api/Documents", "filter", "{\"where\": {\"type\": \"publication\"}, \"limit\": 1000, "
                + "\"include\": [\"datasets\"]}").then().statusCode(200).extract().asString();
        assertThat(everything).doesNotContain(secret).doesNotContain(reportedHidden).doesNotContain(embargoed)
                .doesNotContain("Citing embargoed");
    }

    @Test
    void aPublicationsDatasetsAreThePublicOnesCitingItOrOfTheProposalItIsReportedFor() {
        Response one = get("/api/Documents/" + enc(cited), "filter", "{\"include\": [{\"relation\": \"datasets\", "
                + "\"scope\": {\"order\": \"title ASC\"}}, \"members\"]}");
        one.then().statusCode(200).body("pid", is(cited)).body("type", is("publication"));
        assertThat(one.jsonPath().getList("datasets.title", String.class)).containsExactly("Citing alpha " + tag, "Citing beta " + tag);
        assertThat(one.jsonPath().getList("members")).isEmpty();
        // released when the earliest public citing dataset was: not the embargoed one's end
        assertThat(one.jsonPath().getString("releaseDate")).isNotNull().isLessThan(Instant.now().toString());

        get("/api/Documents/" + enc(reported), "filter", "{\"include\": [\"datasets\"]}").then().statusCode(200)
                .body("datasets.pid", is(List.of(openA)));

        // inner join: a publication whose datasets meet the scope's where
        get("/api/Documents", "filter", "{\"where\": " + inAll() + ", \"include\": [{\"relation\": \"datasets\", "
                + "\"scope\": {\"where\": {\"title\": {\"like\": \"beta\"}}}}]}").then().statusCode(200)
                .body("pid", is(List.of(cited))).body("[0].datasets.pid", is(List.of(openB)));
    }

    @Test
    void aDatasetsDocumentsAreItsProposalAndThePublicationsCitingIt() {
        Response a = get("/api/Datasets/" + openA, "filter", "{\"include\": [{\"relation\": \"documents\", "
                + "\"scope\": {\"order\": \"pid ASC\"}}, \"document\"]}");
        a.then().statusCode(200);
        assertThat(a.jsonPath().getList("documents.pid", String.class))
                .containsExactlyInAnyOrder("DLS-" + proposalCode, cited, reported);
        assertThat(a.jsonPath().getString("document.pid")).isEqualTo("DLS-" + proposalCode);
        get("/api/Datasets/" + openB, "filter", "{\"include\": [\"documents\"]}").then().statusCode(200)
                .body("documents.pid", is(List.of(cited)));

        // the proposal is still a Document, with its members
        get("/api/Documents/DLS-" + proposalCode, "filter", "{\"include\": [{\"relation\": \"members\", \"scope\": "
                + "{\"include\": [\"person\"]}}]}").then().statusCode(200).body("type", is("proposal"))
                .body("members.person.fullName", is(List.of("Pia Cited")));
    }

    /**
     * A scoped {@code documents} include on /Datasets restricts the list in the index query (DatasetRelations): a
     * publication matches the public datasets citing it or of the proposal it is reported for, not a proposal's pid.
     */
    @Test
    void aDatasetListRestrictedByPublicationsKeepsTheDatasetsCitingThem() {
        // the list comes from the index: wait for the outbox to have indexed both public datasets
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(get("/api/Datasets", "filter",
                "{\"where\": {\"title\": {\"like\": \"" + tag + "\"}}}").jsonPath().getList("pid", String.class))
                .contains(openA, openB));
        Map<String, List<String>> expected = Map.of(
                "{\"pid\": \"" + cited + "\"}", List.of(openA, openB),
                "{\"pid\": \"" + reported + "\"}", List.of(openA),
                "{\"type\": \"publication\"}", List.of(openA, openB),
                "{\"pid\": \"DLS-" + proposalCode + "\"}", List.of(openA),
                "{\"pid\": \"" + secret + "\"}", List.of());
        expected.forEach((where, pids) -> {
            Response r = get("/api/Datasets", "filter", "{\"where\": {\"title\": {\"like\": \"" + tag + "\"}}, \"order\": \"title ASC\", "
                    + "\"include\": [{\"relation\": \"documents\", \"scope\": {\"where\": " + where + "}}]}");
            r.then().statusCode(200);
            assertThat(r.jsonPath().getList("pid", String.class)).as(where).containsExactlyElementsOf(pids);
            for (int i = 0; i < pids.size(); i++) {
                assertThat(r.jsonPath().getList("[" + i + "].documents")).as(where).isNotEmpty();
            }
        });
        Response cites = get("/api/Datasets", "filter", "{\"where\": {\"title\": {\"like\": \"" + tag + "\"}}, \"order\": \"title ASC\", "
                + "\"include\": [{\"relation\": \"documents\", \"scope\": {\"where\": {\"pid\": \"" + cited + "\"}}}]}");
        assertThat(cites.jsonPath().getList("[1].documents.pid", String.class)).containsExactly(cited);
        // `document` is the proposal: no dataset has a publication as its document
        get("/api/Datasets", "filter", "{\"where\": {\"title\": {\"like\": \"" + tag + "\"}}, \"include\": [{\"relation\": "
                + "\"document\", \"scope\": {\"where\": {\"type\": \"publication\"}}}]}").then().statusCode(200).body("size()", is(0));
        get("/api/Datasets", "filter", "{\"where\": {\"title\": {\"like\": \"" + tag + "\"}}, \"include\": [{\"relation\": "
                + "\"document\", \"scope\": {\"where\": {\"pid\": \"DLS-" + proposalCode + "\"}}}]}").then().statusCode(200)
                .body("pid", is(List.of(openA)));
    }

    @Test
    void aCitationDroppedAtReingestUnlinksThePublication() {
        String doi = "10.5555/" + tag + "-dropped";
        ObjectNode r = Records.record("Citing once " + tag, Instant.parse("2014-01-02T00:00:00Z"));
        cite(r, doi);
        String pid = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(r).toString())
                .post("/api/ingest/records").then().statusCode(200).extract().path("results[0].datasetPid");
        get("/api/Documents/" + enc(doi), "filter", "{\"include\": [\"datasets\"]}").then().statusCode(200)
                .body("datasets.pid", is(List.of(pid)));
        r.remove("citations");
        r.put("title", "Citing no more " + tag);
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(r).toString())
                .post("/api/ingest/records").then().statusCode(200).body("results[0].status", is("UPDATED"));
        get("/api/Documents/" + enc(doi), null, null).then().statusCode(404);
    }

    /**
     * {@code datasets} under Documents and Instruments is read with one query per relation for the page (issue #12),
     * as on /Datasets: a page of six parents costs no more statements than a page of one, and each parent gets its own.
     */
    @Test
    void datasetsUnderDocumentsAndInstrumentsAreAttachedInOneQueryPerPage() {
        String t = tag + "q";
        ObjectNode[] records = new ObjectNode[12];
        for (int i = 0; i < records.length; i++) {
            ObjectNode r = Records.record("Batched " + t + " " + "%02d".formatted(i), Instant.parse("2012-06-01T00:00:00Z").plusSeconds(i));
            r.putObject("instrument").put("name", "Station " + t + " " + (i % 6)).put("shortName", "S" + (i % 6) + t);
            cite(r, "10.5555/" + t + "-" + (i % 6));
            records[i] = r;
        }
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(records).toString())
                .post("/api/ingest/records").then().statusCode(200);
        String include = "\"include\": [{\"relation\": \"datasets\", \"scope\": {\"order\": \"title DESC\", \"limit\": 1}}]";
        for (String[] c : List.of(new String[]{"/api/Instruments", "{\"name\": {\"like\": \"" + t + "\"}}", "name"},
                new String[]{"/api/Documents", "{\"pid\": {\"like\": \"" + t + "\"}}", "pid"})) {
            String page = "{\"where\": " + c[1] + ", \"order\": \"" + c[2] + " ASC\", \"limit\": LIMIT, " + include + "}";
            long one = Long.MAX_VALUE;
            long six = Long.MAX_VALUE;
            Response last = null;
            // the fewest of a few tries: the outbox poll (each second) may add a statement to any one of them
            for (int attempt = 0; attempt < 4; attempt++) {
                long before = SearchQueryCountIT.SqlCounter.STATEMENTS.get();
                get(c[0], "filter", page.replace("LIMIT", "1")).then().statusCode(200).body("size()", is(1));
                one = Math.min(one, SearchQueryCountIT.SqlCounter.STATEMENTS.get() - before);
                before = SearchQueryCountIT.SqlCounter.STATEMENTS.get();
                last = get(c[0], "filter", page.replace("LIMIT", "6"));
                six = Math.min(six, SearchQueryCountIT.SqlCounter.STATEMENTS.get() - before);
            }
            System.out.printf("SQL statements per %s page with datasets attached: 1 parent %d, 6 parents %d%n", c[0], one, six);
            assertThat(six).as("%s: statements for 6 parents (1 parent took %d)", c[0], one).isLessThanOrEqualTo(one);
            last.then().statusCode(200).body("size()", is(6));
            List<Map<String, Object>> parents = last.jsonPath().getList("$");
            for (int i = 0; i < 6; i++) {
                // parent i has datasets i and i + 6; the scope's order and limit apply per parent
                assertThat(((List<?>) parents.get(i).get("datasets")).stream().map(d -> String.valueOf(((Map<?, ?>) d).get("title"))).toList())
                        .as("%s parent %d", c[0], i).containsExactly("Batched " + t + " " + "%02d".formatted(i + 6));
            }
        }
    }
}
