package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.DataCiteSchema;
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
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Content negotiation on {@code /datasets/{pid}} and {@code /doi/{prefix}/{suffix}}: every form with its exact
 * payload for a released dataset, the minimal set for an embargoed one with a DOI, a 404 identical to an unknown
 * identifier for a hidden one in every form, 406 and 400 before any lookup.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentNegotiationIT {
    private static final List<String> TYPES = List.of("text/html", "application/ld+json",
            "application/vnd.datacite.datacite+xml", "application/vnd.datacite.datacite+json",
            "application/vnd.citationstyles.csl+json", "application/x-bibtex", "application/x-research-info-systems",
            "text/x-bibliography", "application/linkset", "application/linkset+json");

    @Inject
    EntityManager em;

    private final String tag = "cn" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String proposal = "mx" + tag.substring(2, 8);
    private final String releasedDoi = "10.80826/" + tag.substring(2, 6) + "-" + tag.substring(6, 10) + "-r";
    private final String embargoedDoi = "10.80826/" + tag.substring(2, 6) + "-" + tag.substring(6, 10) + "-e";
    private String released;
    private String hidden;
    private String embargoedWithDoi;
    private String year;
    private final OncePerClass setUp = new OncePerClass();

    @BeforeEach
    void catalogue() {
        setUp.run(this::load);
    }

    private void load() {
        String userOffice = """
                {"proposals": [{"code": "%s", "title": "Lysozyme soaks %s", "members": [
                  {"role": "PI", "person": {"fullName": "Ada Lovelace", "givenName": "Ada", "familyName": "Lovelace",
                    "orcid": "0000-0001-5109-3700"}},
                  {"role": "TEAM_MEMBER", "person": {"fullName": "Grace Hopper", "givenName": "Grace", "familyName": "Hopper"}}]}]}
                """.formatted(proposal, tag);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(userOffice)
                .post("/api/ingest/user-office").then().statusCode(200).body("results.status", everyItem(is("IMPORTED")));
        Instant recent = Instant.now().minus(2, ChronoUnit.DAYS);
        List<String> pids = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(mx(Records.record("Lysozyme & friends " + tag, Instant.parse("2015-06-01T12:00:00Z"))),
                        mx(Records.record("Hidden lysozyme " + tag, recent)),
                        mx(Records.record("Cited lysozyme " + tag, recent))).toString())
                .post("/api/ingest/records").then().statusCode(200).extract().path("results.datasetPid");
        released = pids.get(0);
        hidden = pids.get(1);
        embargoedWithDoi = pids.get(2);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'FINDABLE' WHERE pid = ?2")
                    .setParameter(1, releasedDoi).setParameter(2, released).executeUpdate();
            em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'REGISTERED' WHERE pid = ?2")
                    .setParameter(1, embargoedDoi).setParameter(2, embargoedWithDoi).executeUpdate();
        });
        year = given().accept("application/vnd.datacite.datacite+json").get("/datasets/" + released)
                .then().statusCode(200).extract().path("publicationYear").toString();
    }

    private ObjectNode mx(ObjectNode r) {
        r.putObject("identity").put("proposal", proposal).put("scanNumber", "4711");
        r.putObject("definition").put("name", "NXmx");
        r.putObject("instrument").put("name", "DIAMOND BEAMLINE I03").put("shortName", "i03");
        r.putArray("files").addObject().put("path", r.path("source").path("path").asText()).put("role", "MASTER").put("size", 1048576);
        return r;
    }

    private static Response get(String path, String accept) {
        return given().accept(accept).get(path);
    }

    @Test
    void risAndCslJsonAndCitationCarryTheRealCreatorsAndDoi() {
        Response ris = get("/datasets/" + released, "application/x-research-info-systems");
        ris.then().statusCode(200).contentType("application/x-research-info-systems").header("Vary", "Accept");
        assertThat(ris.asString()).isEqualTo("TY  - DATA\r\nAU  - Lovelace, Ada\r\nAU  - Hopper, Grace\r\n"
                + "TI  - Lysozyme & friends " + tag + "\r\nPY  - " + year + "\r\nPB  - Diamond Light Source\r\n"
                + "DO  - " + releasedDoi + "\r\nUR  - https://doi.org/" + releasedDoi + "\r\nER  - \r\n");

        Response csl = get("/datasets/" + released, "application/vnd.citationstyles.csl+json");
        csl.then().statusCode(200).contentType("application/vnd.citationstyles.csl+json");
        assertThat(csl.asString()).isEqualTo("[{\"id\":\"dataset\",\"type\":\"dataset\",\"author\":"
                + "[{\"family\":\"Lovelace\",\"given\":\"Ada\"},{\"family\":\"Hopper\",\"given\":\"Grace\"}],"
                + "\"issued\":{\"date-parts\":[[" + year + "]]},\"DOI\":\"" + releasedDoi + "\","
                + "\"publisher\":\"Diamond Light Source\",\"title\":\"Lysozyme & friends " + tag + "\","
                + "\"URL\":\"https://doi.org/" + releasedDoi + "\"}]");

        Response apa = get("/datasets/" + released, "text/x-bibliography");
        apa.then().statusCode(200).contentType("text/x-bibliography");
        assertThat(apa.asString()).isEqualTo("Lovelace, A., & Hopper, G. (" + year + "). Lysozyme & friends " + tag
                + " [dataset]. Diamond Light Source. https://doi.org/" + releasedDoi + "\n");
        assertThat(get("/datasets/" + released, "text/x-bibliography; style=ieee; locale=de-DE").asString())
                .contains("A. Lovelace und G. Hopper, „Lysozyme & friends " + tag);
        // query parameters win over the Accept header
        assertThat(given().accept("text/x-bibliography; style=ieee").queryParam("style", "apa")
                .get("/datasets/" + released).asString()).startsWith("Lovelace, A., & Hopper, G.");
    }

    @Test
    void theLandingPageCitesWithCreatorsOrcidReferencesAndExportLinks() {
        String html = get("/datasets/" + released, "text/html").then().statusCode(200).extract().asString();
        assertThat(html).contains("<span class=\"creator\">Lovelace, Ada <a class=\"orcid\" "
                + "href=\"https://orcid.org/0000-0001-5109-3700\" rel=\"author\">ORCID</a></span>; "
                + "<span class=\"creator\">Hopper, Grace</span>");
        assertThat(html).contains("<blockquote id=\"cite-apa\">Lovelace, A., &amp; Hopper, G. (" + year
                + "). Lysozyme &amp; friends " + tag + " [dataset]. Diamond Light Source. https://doi.org/" + releasedDoi
                + "</blockquote>");
        assertThat(html).contains("<button type=\"button\" data-copy=\"cite-ieee\">Copy</button>",
                "id=\"cite-chicago-author-date\"", "id=\"cite-harvard-cite-them-right\"");
        for (String type : TYPES.subList(1, TYPES.size())) {
            assertThat(html).contains("type=\"" + type + "\" rel=\"alternate\"");
        }
        // FAIR signposting level 1 as Link headers
        List<String> links = get("/datasets/" + released, "text/html").headers().getValues("Link");
        assertThat(links).contains("<https://doi.org/" + releasedDoi + ">; rel=\"cite-as\"",
                "<https://schema.org/AboutPage>; rel=\"type\"", "<https://orcid.org/0000-0001-5109-3700>; rel=\"author\"");
        assertThat(links).filteredOn(l -> l.contains("rel=\"describedby\"")).hasSize(3)
                .anyMatch(l -> l.endsWith("/datasets/" + released + "?format=datacite-xml>; rel=\"describedby\"; "
                        + "type=\"application/vnd.datacite.datacite+xml\"") && l.startsWith("<http"));
        // every export link answers its own type
        given().queryParam("format", "csl-json").get("/doi/" + releasedDoi).then().statusCode(200)
                .contentType("application/vnd.citationstyles.csl+json");
        // under embargo the page cites from the minimal set: the instrument stays out of every reference
        String embargoed = get("/datasets/" + embargoedWithDoi, "text/html").then().statusCode(200).extract().asString();
        assertThat(embargoed).contains("id=\"cite-apa\">Lovelace, A., &amp; Hopper, G.").doesNotContain("i03");
    }

    @Test
    void bibtexIsParsedByARealParser() throws Exception {
        Response bib = get("/datasets/" + released, "application/x-bibtex");
        bib.then().statusCode(200).contentType("application/x-bibtex");
        BibTeXEntry e = new BibTeXParser().parse(new StringReader(bib.asString())).resolveEntry(new Key(releasedDoi));
        assertThat(e.getField(BibTeXEntry.KEY_AUTHOR).toUserString()).isEqualTo("Lovelace, Ada and Hopper, Grace");
        assertThat(e.getField(BibTeXEntry.KEY_TITLE).toUserString()).isEqualTo("Lysozyme \\& friends " + tag);
        assertThat(e.getField(BibTeXEntry.KEY_YEAR).toUserString()).isEqualTo(year);
        assertThat(e.getField(BibTeXEntry.KEY_DOI).toUserString()).isEqualTo(releasedDoi);
    }

    @Test
    void dataCiteXmlIsValidAndJsonNamesTheDoi() throws Exception {
        Response xml = get("/datasets/" + released, "application/vnd.datacite.datacite+xml");
        xml.then().statusCode(200).contentType("application/vnd.datacite.datacite+xml");
        DataCiteSchema.validate(xml.asString());
        assertThat(xml.asString()).contains("<identifier identifierType=\"DOI\">" + releasedDoi + "</identifier>");
        get("/datasets/" + released, "application/vnd.datacite.datacite+json").then().statusCode(200)
                .contentType("application/vnd.datacite.datacite+json")
                .body("doi", is(releasedDoi)).body("creators[0].name", is("Lovelace, Ada"))
                .body("titles[0].title", is("Lysozyme & friends " + tag));
        get("/datasets/" + released, "application/ld+json").then().statusCode(200).contentType("application/ld+json")
                .body("'@type'", is("Dataset")).body("identifier", is("https://doi.org/" + releasedDoi))
                .body("creator[0].sameAs", is("https://orcid.org/0000-0001-5109-3700"))
                .body("creator[1].familyName", is("Hopper")).body("instrument", nullValue())
                .body("datePublished", notNullValue()).body("description.length()", greaterThanOrEqualTo(50));
        // a browser's Accept gets the page
        get("/datasets/" + released, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .then().statusCode(200).contentType(ContentType.HTML);
        // ?format= for plain links
        given().queryParam("format", "ris").get("/datasets/" + released).then().statusCode(200)
                .contentType("application/x-research-info-systems");
    }

    @Test
    void theDoiAddressServesTheSameRecordInEveryForm() {
        String[] parts = releasedDoi.split("/");
        for (String type : TYPES) {
            String byPid = get("/datasets/" + released, type).then().statusCode(200).extract().asString();
            String byDoi = get("/doi/" + parts[0] + "/" + parts[1].toUpperCase(Locale.ROOT), type)
                    .then().statusCode(200).extract().asString();
            assertThat(byDoi).as(type).isEqualTo(byPid);
        }
        get("/doi/10.80826/no-such-doi", "application/x-bibtex").then().statusCode(404);
    }

    @Test
    void aHiddenDatasetIsTheSame404AsAnUnknownOneInEveryForm() {
        String hiddenDoi = "10.80826/" + tag + "-hidden";
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE dataset SET doi = ?1 WHERE pid = ?2")
                .setParameter(1, hiddenDoi).setParameter(2, hidden).executeUpdate());
        for (String type : TYPES) {
            Response unknown = get("/datasets/" + hidden + "x", type);
            Response h = get("/datasets/" + hidden, type);
            Response byDoi = get("/doi/" + hiddenDoi, type);
            for (Response r : List.of(h, byDoi)) {
                r.then().statusCode(404).contentType(unknown.contentType());
                assertThat(r.asString()).as(type).isEqualTo(unknown.asString()).doesNotContain("Hidden", tag);
            }
        }
    }

    @Test
    void anEmbargoedDatasetWithADoiIsCitedFromTheMinimalSet() throws Exception {
        Response xml = get("/datasets/" + embargoedWithDoi, "application/vnd.datacite.datacite+xml");
        xml.then().statusCode(200);
        DataCiteSchema.validate(xml.asString());
        assertThat(xml.asString()).doesNotContain(embargoedWithDoi, "i03", "NXmx", "alternateIdentifier");
        assertThat(get("/datasets/" + embargoedWithDoi, "text/x-bibliography").asString())
                .contains("Cited lysozyme " + tag).contains("https://doi.org/" + embargoedDoi);
    }

    @Test
    void unsupportedTypesAnd_unknownStylesAreRefusedBeforeAnyLookup() {
        for (String pid : List.of(released, hidden, "no-such-" + tag)) {
            get("/datasets/" + pid, "application/pdf").then().statusCode(406).contentType(ContentType.JSON)
                    .body("error.code", is("NOT_ACCEPTABLE"))
                    .body("error.message", is("This dataset is available as " + String.join(", ", TYPES)));
            get("/datasets/" + pid, "text/x-bibliography; style=no-such-style").then().statusCode(400)
                    .body("error.field", is("style"));
            get("/datasets/" + pid, "text/x-bibliography; locale=xx-XX").then().statusCode(400)
                    .body("error.field", is("locale"));
            given().queryParam("format", "pdf").get("/datasets/" + pid).then().statusCode(400)
                    .body("error.field", is("format"));
        }
    }
}
