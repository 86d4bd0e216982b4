package io.aperture.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.aperture.catalogue.doi.DoiJob;
import io.aperture.catalogue.doi.OpaqueSuffix;
import io.aperture.catalogue.links.PublicUrls;
import io.aperture.portal.testing.DataCiteSchema;
import io.aperture.portal.testing.Catalogued;
import io.aperture.portal.testing.DataCiteStandIn;
import io.aperture.portal.testing.OncePerClass;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.aperture.testsupport.RepoFiles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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

import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * A proposal's collection DOI ({@code aperture.doi.collections=PROPOSAL}, against the DataCite stand-in) answers at
 * {@code /doi/...} in every form a dataset's landing page has, header by header and parsed by real parsers: JSON-LD
 * (a schema.org Dataset with {@code hasPart} and the user office's publications as {@code citation}), DataCite XML
 * (4.6 XSD) and JSON, BibTeX (jbibtex), RIS, CSL-JSON (the official CSL-JSON schema), formatted citations (citeproc),
 * and FAIR signposting (Link headers and both linksets, {@code item} the listed dataset's landing page). The
 * proposal's dataset still under embargo appears in none of them. The server names DOIs with a suffix prefix
 * ({@code aperture.doi.suffix-prefix=ap}); the released dataset's own JSON-LD cites the proposal's publications too.
 */
@QuarkusTest
@TestProfile(DoiCollectionFormatsIT.Formats.class)
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoiCollectionFormatsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORCID = "https://orcid.org/0000-0003-0571-2472";
    private static final String PUBLICATION = "10.5555/garnets.2026.17";

    /** DOIs on against the stand-in, a collection per proposal, suffixes under a fixed first segment. */
    public static class Formats implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return DataCiteStandIn.doiSettings(Map.of("aperture.doi.collections", "PROPOSAL",
                    "aperture.doi.batch-size", "500", "aperture.doi.suffix-prefix", "ap"));
        }
    }

    @Inject
    DoiJob job;
    @Inject
    EntityManager em;
    @Inject
    PublicUrls urls;

    private final String code = "cf" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final OncePerClass setUp = new OncePerClass();
    private String open;
    private String hidden;
    private String openDoi;
    private String collection;
    private String page;
    private String openPage;

    @BeforeEach
    void catalogue() {
        setUp.run(this::load);
    }

    /** One visit released, the other still under embargo; the proposal reports one publication. */
    private void load() {
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body("""
                        {"proposals": [{"code": "%s", "title": "Garnets in every form", "visits": [{"code": "%s-1"}, {"code": "%s-2"}],
                          "publications": ["https://doi.org/%s"],
                          "members": [{"role": "PI", "person": {"fullName": "Pat Investigator", "username": "pi"}},
                            {"role": "TEAM_MEMBER", "person": {"fullName": "Josiah Carberry", "givenName": "Josiah",
                              "familyName": "Carberry", "orcid": "%s"}}]}]}"""
                        .formatted(code, code, code, PUBLICATION, ORCID.substring("https://orcid.org/".length())))
                .post("/api/ingest/user-office").then().statusCode(200).body("results[0].status", is("IMPORTED"));
        Instant produced = Instant.now().minus(1, ChronoUnit.DAYS);
        open = Catalogued.ingest(Records.withProposal(Records.record("Open garnet " + code, produced), code, code + "-1"));
        hidden = Catalogued.ingest(Records.withProposal(Records.record("Hidden garnet " + code, produced), code, code + "-2"));
        given().auth().oauth2(Tokens.user("pi")).post("/api/embargoes/" + Catalogued.embargoOfVisit(em, code + "-1") + "/early-release")
                .then().statusCode(200);
        job.runOnce();
        collection = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "SELECT c.doi FROM doi_collection c JOIN proposal p ON p.id = c.proposal_id WHERE p.code = ?1 AND c.visit_id IS NULL")
                .setParameter(1, code).getSingleResult());
        openDoi = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("SELECT doi FROM dataset WHERE pid = ?1")
                .setParameter(1, open).getSingleResult());
        URI base = urls.base();
        page = PublicUrls.doi(base, collection);
        openPage = PublicUrls.dataset(base, open);
        assertThat(DataCiteStandIn.get().state(collection)).as("the collection is findable").isEqualTo("findable");
    }

    private Response get(String accept) {
        return given().accept(accept).get("/doi/" + collection);
    }

    /** Every form but the page: 200 in its type, Vary: Accept, Link back to the page, nothing of the hidden dataset. */
    private String form(String accept) {
        Response r = get(accept);
        r.then().statusCode(200).contentType(accept).header("Vary", "Accept");
        if (!accept.startsWith("application/linkset")) {
            assertThat(r.headers().getValues("Link")).as(accept).containsExactly("<" + page + ">; rel=\"describes\"; type=\"text/html\"");
        }
        assertThat(r.asString()).as(accept).doesNotContain("Hidden garnet").doesNotContain(hidden);
        return r.asString();
    }

    @Test
    void suffixesStartWithTheConfiguredSegment() {
        for (String doi : List.of(collection, openDoi)) {
            assertThat(doi).startsWith(DataCiteStandIn.PREFIX + "/ap.");
            assertThat(OpaqueSuffix.isWellFormed(doi.substring((DataCiteStandIn.PREFIX + "/ap.").length()))).as(doi).isTrue();
        }
    }

    @Test
    void theHtmlPageSignpostsItsMetadataAuthorsLicenceAndListedDatasets() {
        Response html = get("text/html");
        html.then().statusCode(200).contentType(ContentType.HTML).header("Vary", "Accept");
        List<String> links = html.headers().getValues("Link");
        assertThat(links).contains(
                "<https://doi.org/" + collection + ">; rel=\"cite-as\"",
                "<" + page + "?format=datacite-xml>; rel=\"describedby\"; type=\"application/vnd.datacite.datacite+xml\"",
                "<" + page + "?format=jsonld>; rel=\"describedby\"; type=\"application/ld+json\"",
                "<" + page + "?format=datacite-json>; rel=\"describedby\"; type=\"application/vnd.datacite.datacite+json\"",
                "<" + ORCID + ">; rel=\"author\"",
                "<https://schema.org/AboutPage>; rel=\"type\"",
                "<https://schema.org/Dataset>; rel=\"type\"",
                "<" + page + "?format=linkset>; rel=\"linkset\"; type=\"application/linkset\"",
                "<" + page + "?format=linkset-json>; rel=\"linkset\"; type=\"application/linkset+json\"");
        assertThat(links).filteredOn(l -> l.contains("rel=\"license\"")).singleElement()
                .satisfies(l -> assertThat(l).startsWith("<http"));
        assertThat(links).as("the listed dataset only").filteredOn(l -> l.contains("rel=\"item\""))
                .containsExactly("<" + openPage + ">; rel=\"item\"; type=\"text/html\"");
        String body = html.asString();
        assertThat(body).contains("Open garnet " + code).doesNotContain("Hidden garnet").doesNotContain(hidden)
                .contains("<script type=\"application/ld+json\">")
                .contains("href=\"" + ORCID + "\" rel=\"author\"")
                .contains("data-copy=\"cite-apa\"")
                .contains("<li data-relation=\"IsCitedBy\">Cited by: <a href=\"https://doi.org/" + PUBLICATION + "\">")
                .doesNotContain("data-relation=\"HasPart\"");
        for (Representation r : Representation.values()) {
            if (r != Representation.HTML) {
                assertThat(body).as(r.name()).contains("<a href=\"?format=" + r.format() + "\" type=\"" + r.mediaType() + "\" rel=\"alternate\">");
            }
        }
    }

    @Test
    void jsonLdIsADatasetMadeOfTheListedDatasetsCitingThePublications() throws Exception {
        JsonNode ld = JSON.readTree(form("application/ld+json"));
        assertThat(ld.path("@type").asText()).isEqualTo("Dataset");
        assertThat(ld.path("@id").asText()).isEqualTo("https://doi.org/" + collection);
        assertThat(ld.path("identifier").asText()).isEqualTo("https://doi.org/" + collection);
        assertThat(ld.path("url").asText()).isEqualTo(page);
        assertThat(ld.path("name").asText()).isEqualTo("Proposal " + code + ": Garnets in every form");
        assertThat(ld.path("description").asText()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(ld.path("hasPart").toString()).isEqualTo("[{\"@type\":\"Dataset\",\"@id\":\"https://doi.org/" + openDoi
                + "\",\"name\":\"Open garnet " + code + "\",\"url\":\"" + openPage + "\"}]");
        assertThat(ld.path("citation").toString()).isEqualTo("[\"https://doi.org/" + PUBLICATION + "\"]");
        assertThat(ld.path("creator").findValuesAsText("sameAs")).contains(ORCID).containsExactlyInAnyOrderElementsOf(memberOrcids());
        assertThat(ld.path("isAccessibleForFree").asBoolean()).isTrue();
        assertThat(ld.path("license").asText()).startsWith("http");
        // the page embeds the same
        assertThat(get("text/html").asString()).contains(ld.path("hasPart").toString().replace("<", "\\u003c"));
    }

    @Test
    void dataCiteXmlAndJsonAreTheCollectionsRecord() throws Exception {
        String xml = form("application/vnd.datacite.datacite+xml");
        DataCiteSchema.validate(xml);
        assertThat(xml).contains("resourceTypeGeneral=\"Collection\"")
                .containsPattern("relationType=\"HasPart\"[^>]*>" + Pattern.quote(openDoi) + "<")
                .containsPattern("relationType=\"IsCitedBy\"[^>]*>" + Pattern.quote(PUBLICATION) + "<");
        JsonNode json = JSON.readTree(form("application/vnd.datacite.datacite+json"));
        assertThat(json.path("doi").asText()).isEqualTo(collection);
        assertThat(json.path("types").path("resourceTypeGeneral").asText()).isEqualTo("Collection");
        List<String> related = new ArrayList<>();
        json.path("relatedIdentifiers").forEach(r -> related.add(r.path("relationType").asText() + " " + r.path("relatedIdentifier").asText()));
        assertThat(related).containsExactlyInAnyOrder("HasPart " + openDoi, "IsCitedBy " + PUBLICATION);
    }

    @Test
    void citationFormsCiteTheCollectionsDoiParsedByRealParsers() throws Exception {
        String title = "Proposal " + code + ": Garnets in every form";
        BibTeXEntry bib = new BibTeXParser().parse(new StringReader(form("application/x-bibtex")))
                .resolveEntry(new Key(collection));
        assertThat(bib).as("an entry keyed by the DOI").isNotNull();
        assertThat(bib.getField(BibTeXEntry.KEY_DOI).toUserString()).isEqualTo(collection);
        assertThat(bib.getField(BibTeXEntry.KEY_TITLE).toUserString()).isEqualTo(title);
        assertThat(bib.getField(BibTeXEntry.KEY_AUTHOR).toUserString()).contains("Carberry, Josiah");

        assertThat(form("application/x-research-info-systems").split("\r\n"))
                .contains("TY  - DATA", "TI  - " + title, "AU  - Carberry, Josiah", "DO  - " + collection,
                        "UR  - https://doi.org/" + collection);

        String csl = form("application/vnd.citationstyles.csl+json");
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(RepoFiles.path("testdata/standards/csl/csl-data.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        JsonNode item = JSON.readTree(csl);
        assertThat(schema.validate(item)).as(csl).isEmpty();
        assertThat(item.get(0).path("DOI").asText()).isEqualTo(collection);
        assertThat(item.get(0).path("title").asText()).isEqualTo(title);

        String apa = form("text/x-bibliography");
        assertThat(apa).contains("Carberry, J.").contains(title).endsWith("https://doi.org/" + collection + "\n");
        assertThat(given().queryParam("format", "citation").queryParam("style", "ieee").get("/doi/" + collection)
                .then().statusCode(200).extract().asString()).contains("J. Carberry").contains(title).isNotEqualTo(apa);
        given().queryParam("format", "citation").queryParam("style", "no-such-style").get("/doi/" + collection)
                .then().statusCode(400).body("error.field", is("style"));
        get("application/pdf").then().statusCode(406).header("Vary", "Accept");
    }

    @Test
    void theLinksetsNameTheListedDatasetsAsItems() throws Exception {
        JsonNode sets = JSON.readTree(form("application/linkset+json")).path("linkset");
        JsonNode anchor = sets.get(0);
        assertThat(anchor.path("anchor").asText()).isEqualTo(page);
        assertThat(anchor.path("cite-as").findValuesAsText("href")).containsExactly("https://doi.org/" + collection);
        assertThat(anchor.path("item").toString()).isEqualTo("[{\"href\":\"" + openPage + "\",\"type\":\"text/html\"}]");
        assertThat(anchor.path("author").findValuesAsText("href")).contains(ORCID).containsExactlyInAnyOrderElementsOf(memberOrcids());
        assertThat(anchor.path("describedby")).hasSize(3);
        String text = form("application/linkset");
        assertThat(text).contains("<" + openPage + ">; rel=\"item\"; type=\"text/html\"; anchor=\"" + page + "\"")
                .contains("<" + page + ">; rel=\"collection\"; type=\"text/html\"; anchor=\"" + openPage + "\"");
        // every describedby target answers in its type
        for (JsonNode d : anchor.path("describedby")) {
            String query = URI.create(d.path("href").asText()).getRawQuery();
            assertThat(d.path("href").asText()).isEqualTo(page + "?" + query);
            given().get("/doi/" + collection + "?" + query).then().statusCode(200).contentType(d.path("type").asText());
        }
    }

    @Test
    void theReleasedDatasetsOwnJsonLdCitesTheProposalsPublications() throws Exception {
        JsonNode ld = JSON.readTree(given().accept("application/ld+json").get("/datasets/" + open)
                .then().statusCode(200).extract().asString());
        List<String> citations = new ArrayList<>();
        ld.path("citation").forEach(c -> citations.add(c.asText()));
        assertThat(citations).contains("https://doi.org/" + PUBLICATION);
        assertThat(ld.path("isPartOf").toString()).as("and names its collection").contains("https://doi.org/" + collection);
    }

    /**
     * The ORCID iDs of the proposal's members as the catalogue holds them: the PI is the shared demo user "pi", to whom
     * another test of the suite may have given an ORCID iD (SearchAccessIT), so it is read, not assumed.
     */
    private List<String> memberOrcids() {
        @SuppressWarnings("unchecked")
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT DISTINCT pe.orcid FROM member m JOIN person pe ON pe.id = m.person_id JOIN proposal p ON p.id = m.proposal_id"
                                + " WHERE p.code = ?1 AND pe.orcid IS NOT NULL")
                .setParameter(1, code).getResultList());
        return ids.stream().map(id -> "https://orcid.org/" + id).toList();
    }
}
