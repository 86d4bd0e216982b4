package io.aperture.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

/**
 * FAIR Signposting level 2 over HTTP: the linkset in {@code application/linkset} and {@code application/linkset+json}
 * (RFC 9264), advertised by {@code rel="linkset"}; {@code item} links and the JSON-LD {@code distribution} for the
 * files of a released dataset only (at {@code aperture.facility.file-url}, set for tests); {@code describes} on the
 * other forms; the home page's {@code DataCatalog}; a hidden dataset's linkset a 404 like an unknown one's.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignpostingIT {
    private static final String FILES = "https://files.example.org/download";

    @Inject
    EntityManager em;

    private final String tag = "sp" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String releasedDoi = "10.80003/aperture." + tag + ".rel";
    private final String embargoedDoi = "10.80003/aperture." + tag + ".emb";
    private final OncePerClass setUp = new OncePerClass();
    private String released;
    private String releasedPath;
    private String embargoed;
    private String hidden;

    @BeforeEach
    void catalogue() {
        setUp.run(this::load);
    }

    private void load() {
        ObjectNode open = withFile(Records.record("Signposted open " + tag, Instant.parse("2016-03-01T09:00:00Z")));
        ObjectNode cited = withFile(Records.record("Signposted hidden cited " + tag, Instant.now().minus(1, ChronoUnit.DAYS)));
        ObjectNode secret = withFile(Records.record("Signposted hidden " + tag, Instant.now().minus(1, ChronoUnit.DAYS)));
        releasedPath = open.path("source").path("path").asText();
        List<String> pids = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(open, cited, secret).toString()).post("/api/ingest/records")
                .then().statusCode(200).body("results.status", everyItem(is("CREATED"))).extract().path("results.datasetPid");
        released = pids.get(0);
        embargoed = pids.get(1);
        hidden = pids.get(2);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'FINDABLE' WHERE pid = ?2")
                    .setParameter(1, releasedDoi).setParameter(2, released).executeUpdate();
            em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'REGISTERED' WHERE pid = ?2")
                    .setParameter(1, embargoedDoi).setParameter(2, embargoed).executeUpdate();
        });
    }

    /** The master file with its size. */
    private static ObjectNode withFile(ObjectNode r) {
        r.putArray("files").addObject().put("path", r.path("source").path("path").asText()).put("role", "MASTER").put("size", 4096);
        return r;
    }

    private String fileUrl() {
        return FILES + releasedPath;
    }

    @Test
    void theLandingPageAdvertisesBothLinksetsAndItsFiles() {
        List<String> links = given().accept(ContentType.HTML).get("/datasets/" + released).then().statusCode(200)
                .extract().headers().getValues("Link");
        assertThat(links).contains("<" + fileUrl() + ">; rel=\"item\"; type=\"application/x-hdf5\"");
        // the page's file list links the same address
        assertThat(given().accept(ContentType.HTML).get("/datasets/" + released).then().extract().asString())
                .contains("<a class=\"download\" href=\"" + fileUrl() + "\" type=\"application/x-hdf5\">download</a>");
        assertThat(links).filteredOn(l -> l.contains("rel=\"linkset\"")).hasSize(2)
                .anyMatch(l -> l.matches("<https?://.+/datasets/" + released + "\\?format=linkset>; rel=\"linkset\"; type=\"application/linkset\""))
                .anyMatch(l -> l.matches("<https?://.+/datasets/" + released + "\\?format=linkset-json>; rel=\"linkset\"; type=\"application/linkset\\+json\""));
    }

    @Test
    void theLinksetInBothFormsAndAtEitherAddress() throws Exception {
        Response text = given().accept("application/linkset").get("/datasets/" + released);
        text.then().statusCode(200).contentType("application/linkset");
        List<String> values = List.of(text.asString().strip().split(",\n"));
        Pattern value = Pattern.compile("<([^>]+)>; rel=\"([^\"]+)\"(?:; type=\"([^\"]+)\")?; anchor=\"([^\"]+)\"");
        List<String> rels = new ArrayList<>();
        String page = null;
        for (String v : values) {
            Matcher m = value.matcher(v);
            assertThat(m.matches()).as(v).isTrue();
            rels.add(m.group(2));
            if (m.group(2).equals("cite-as")) {
                assertThat(m.group(1)).isEqualTo("https://doi.org/" + releasedDoi);
                page = m.group(4);
            }
        }
        assertThat(page).endsWith("/datasets/" + released);
        assertThat(rels).containsSubsequence("cite-as", "describedby", "describedby", "describedby", "license", "type", "type", "item",
                "describes", "describes", "describes", "collection");
        assertThat(text.asString()).contains("<" + page + ">; rel=\"collection\"; type=\"text/html\"; anchor=\"" + fileUrl() + "\"");

        Response json = given().queryParam("format", "linkset-json").get("/datasets/" + released);
        json.then().statusCode(200).contentType("application/linkset+json");
        JsonNode sets = Records.JSON.readTree(json.asString()).path("linkset");
        assertThat(sets.get(0).path("anchor").asText()).isEqualTo(page);
        assertThat(sets.get(0).path("cite-as").get(0).path("href").asText()).isEqualTo("https://doi.org/" + releasedDoi);
        assertThat(sets.get(0).path("item").get(0).path("href").asText()).isEqualTo(fileUrl());
        assertThat(sets.get(0).path("describedby").findValuesAsText("type")).containsExactly(
                "application/vnd.datacite.datacite+xml", "application/ld+json", "application/vnd.datacite.datacite+json");
        assertThat(sets.get(sets.size() - 1).path("anchor").asText()).isEqualTo(fileUrl());
        assertThat(sets.get(sets.size() - 1).path("collection").get(0).path("href").asText()).isEqualTo(page);

        String viaDoi = given().accept("application/linkset+json").get("/doi/" + releasedDoi).then().statusCode(200).extract().asString();
        assertThat(viaDoi).isEqualTo(json.asString());
        // every describedby target answers in its type
        for (JsonNode d : sets.get(0).path("describedby")) {
            String path = d.path("href").asText().replaceFirst("^https?://[^/]+", "");
            given().urlEncodingEnabled(false).get(path).then().statusCode(200).contentType(d.path("type").asText());
        }
    }

    @Test
    void theFilesAreADistributionInTheJsonLdAndTheOtherFormsPointBackAtThePage() throws Exception {
        Response ld = given().accept("application/ld+json").get("/datasets/" + released);
        ld.then().statusCode(200);
        JsonNode distribution = Records.JSON.readTree(ld.asString()).path("distribution");
        assertThat(distribution).hasSize(1);
        assertThat(distribution.get(0).path("@type").asText()).isEqualTo("DataDownload");
        assertThat(distribution.get(0).path("contentUrl").asText()).isEqualTo(fileUrl());
        assertThat(distribution.get(0).path("encodingFormat").asText()).isEqualTo("application/x-hdf5");
        assertThat(distribution.get(0).path("contentSize").asText()).isEqualTo("4096 B");
        for (String format : List.of("jsonld", "datacite-xml", "datacite-json", "bibtex", "ris", "csl-json", "citation")) {
            assertThat(given().queryParam("format", format).get("/datasets/" + released).then().statusCode(200).extract()
                    .headers().getValues("Link")).as(format).singleElement().satisfies(l ->
                    assertThat(l).matches("<https?://.+/datasets/" + released + ">; rel=\"describes\"; type=\"text/html\""));
        }
    }

    @Test
    void anEmbargoedDatasetLinksNoFilesAndAHiddenOnesLinksetIsAnUnknownOnes() throws Exception {
        List<String> links = given().accept(ContentType.HTML).get("/datasets/" + embargoed).then().statusCode(200)
                .extract().headers().getValues("Link");
        assertThat(links).noneMatch(l -> l.contains("rel=\"item\"") || l.contains("rel=\"license\"")).anyMatch(l -> l.contains("rel=\"linkset\""));
        JsonNode set = Records.JSON.readTree(given().accept("application/linkset+json").get("/datasets/" + embargoed)
                .then().statusCode(200).extract().asString()).path("linkset");
        assertThat(set.get(0).has("item")).isFalse();
        assertThat(set.toString()).doesNotContain(FILES);
        assertThat(Records.JSON.readTree(given().accept("application/ld+json").get("/datasets/" + embargoed).then()
                .statusCode(200).extract().asString()).has("distribution")).isFalse();

        for (String type : List.of("application/linkset", "application/linkset+json")) {
            Response unknown = given().accept(type).get("/datasets/DLS-00000000000000000000");
            Response secret = given().accept(type).get("/datasets/" + hidden);
            unknown.then().statusCode(404);
            secret.then().statusCode(404);
            assertThat(secret.asString()).isEqualTo(unknown.asString()).doesNotContain(tag);
            assertThat(secret.contentType()).isEqualTo(unknown.contentType());
        }
    }

    @Test
    void theHomePageDescribesTheCatalogue() throws Exception {
        String home = given().accept(ContentType.HTML).get("/").then().statusCode(200).extract().asString();
        Matcher script = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(home);
        assertThat(script.find()).isTrue();
        JsonNode catalogue = Records.JSON.readTree(script.group(1));
        assertThat(catalogue.path("@type").asText()).isEqualTo("DataCatalog");
        assertThat(catalogue.path("name").asText()).isEqualTo("Aperture");
        assertThat(catalogue.path("url").asText()).matches("https?://.+/");
        assertThat(catalogue.path("publisher").path("name").asText()).isEqualTo("Diamond Light Source");
        // the landing pages name the same catalogue
        JsonNode dataset = Records.JSON.readTree(given().accept("application/ld+json").get("/datasets/" + released).then()
                .statusCode(200).extract().asString());
        assertThat(dataset.path("includedInDataCatalog").path("url").asText()).isEqualTo(catalogue.path("url").asText());
    }
}
