package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.OncePerClass;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;

/**
 * Researchers name parameters the short way — {@code wavelength}, {@code sample temperature} — and still get the nested
 * semantics: the name and the range hold for one and the same parameter. Real records through ingest, real index.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParameterShortNameIT {
    private final String tag = "pn" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private String mono;
    private String beam;
    private String mixed;
    private String logged;
    private String array;
    private final OncePerClass setUp = new OncePerClass();

    @BeforeEach
    void catalogue() {
        setUp.run(this::load);
    }

    private void load() {
        Instant t = Instant.parse("2017-05-01T00:00:00Z");
        ObjectNode a = Records.record("Monochromator " + tag, t);
        Records.withParameter(a, "/entry/instrument/monochromator/wavelength", 1.0, "Angstrom", 1.0e-10, "m");
        ObjectNode b = Records.record("Beam " + tag, t);
        Records.withParameter(b, "/entry1/instrument/beam/incident_wavelength", 0.098, "nm", 0.98e-10, "m");
        // wavelength out of range; 1.0 Angstrom on a parameter of another name: a mix of two must not match
        ObjectNode c = Records.record("Mixed " + tag, t);
        Records.withParameter(c, "/entry/instrument/monochromator/wavelength", 2.0, "Angstrom", 2.0e-10, "m");
        Records.withParameter(c, "/entry/instrument/other_length", 1.0, "Angstrom", 1.0e-10, "m");
        ObjectNode d = Records.record("Logged " + tag, t);
        Records.withParameter(d, "/entry/sample/temperature/value", 300.0, "K", 300.0, "K");
        Records.withParameter(d, "/entry/instrument/source/temperature", 20.0, "K", 20.0, "K");
        ObjectNode e = Records.record("Array " + tag, t);
        Records.withParameter(e, "/entry/sample/temperature[0]", 10.0, "K", 10.0, "K");
        Records.withParameter(e, "/entry/sample/temperature[1]", 295.0, "K", 295.0, "K");
        ((com.fasterxml.jackson.databind.node.ArrayNode) e.get("parameters")).addObject()
                .put("name", "/entry/program_name").put("text", "GDA " + tag);
        List<String> pids = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(a, b, c, d, e).toString()).post("/api/ingest/records")
                .then().statusCode(200).extract().path("results.datasetPid");
        mono = pids.get(0);
        beam = pids.get(1);
        mixed = pids.get(2);
        logged = pids.get(3);
        array = pids.get(4);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("q", tag).get("/api/search").then().body("total", is(5)));
    }

    private List<String> find(String param) {
        return given().queryParam("q", tag).queryParam("param", param).get("/api/search").then().statusCode(200)
                .extract().path("hits.pid");
    }

    @Test
    void aShortNameFindsEveryParameterWhosePathEndsWithIt() {
        org.assertj.core.api.Assertions.assertThat(find("wavelength:0.9:1.1:Angstrom")).containsExactlyInAnyOrder(mono, beam);
        org.assertj.core.api.Assertions.assertThat(find("WaveLength:0.9:1.1:Angstrom")).containsExactlyInAnyOrder(mono, beam);
        // the mixed dataset's own wavelength (2 Angstrom) matches a wider range: the name is honoured, not ignored
        org.assertj.core.api.Assertions.assertThat(find("wavelength:1.5:2.5:Angstrom")).containsExactly(mixed);
    }

    @Test
    void namesOfTheSameQuantityInOtherNexusClassesMatchEachOther() {
        org.assertj.core.api.Assertions.assertThat(find("incident_wavelength:0.9:1.1:Angstrom")).containsExactlyInAnyOrder(mono, beam);
        org.assertj.core.api.Assertions.assertThat(find("incident wavelength:0.09:0.11:nm")).containsExactlyInAnyOrder(mono, beam);
    }

    @Test
    void longerNamesMatchTrailingSegmentsOnly() {
        org.assertj.core.api.Assertions.assertThat(find("monochromator/wavelength:0.9:1.1:Angstrom")).containsExactly(mono);
        org.assertj.core.api.Assertions.assertThat(find("/entry/instrument/monochromator/wavelength:0.9:1.1:Angstrom")).containsExactly(mono);
        org.assertj.core.api.Assertions.assertThat(find("beam/incident_wavelength:0.9:1.1:Angstrom")).containsExactly(beam);
        // a segment is a whole segment: "length" is not the end of "other_length"
        org.assertj.core.api.Assertions.assertThat(find("length:0.9:1.1:Angstrom")).isEmpty();
    }

    @Test
    void sampleTemperatureFindsLogsAndArrayElementsButNotTheSourceTemperature() {
        org.assertj.core.api.Assertions.assertThat(find("sample temperature:250:350:K")).containsExactlyInAnyOrder(logged, array);
        org.assertj.core.api.Assertions.assertThat(find("temperature:5:15:K")).containsExactly(array);
        // 20 K is the source's temperature, not the sample's: nested semantics with the longer name; only the sample
        // temperature array (10 K to 295 K) matches, as the range its elements span (issue #12)
        org.assertj.core.api.Assertions.assertThat(find("sample temperature:15:25:K")).containsExactly(array);
        // the short name finds the source's 20 K and the array's 10-295 K span
        org.assertj.core.api.Assertions.assertThat(find("temperature:15:25:K")).containsExactlyInAnyOrder(logged, array);
    }

    @Test
    void aBlankNameIsAClearError() {
        given().queryParam("param", " / :1:2").get("/api/search").then().statusCode(400)
                .body("error.message", containsString("param"));
    }

    private List<String> panosc(String filter) {
        return given().queryParam("filter", filter.replace("TAG", tag)).get("/api/Datasets").then().statusCode(200)
                .extract().path("pid");
    }

    @Test
    void thePanoscApiTakesTheSameNamesInItsParameterQueries() {
        // the canonical include form, with the PaNOSC portal's name, a string operand pair and the symbol for angstrom
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"query": "TAG", "include": [{"relation": "parameters", "scope": {"where": {"and": [
                  {"name": "incident_wavelength"}, {"value": {"between": ["0.9", "1.1"]}}, {"unit": "\u00c5"}]}}}]}"""))
                .containsExactlyInAnyOrder(mono, beam);
        // the shorthand under where, a short name, nested: the mixed dataset's 1 Angstrom is on another parameter
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"query": "TAG", "where": {"parameters": {"name": "wavelength", "value": {"lt": 0.15}, "unit": "nm"}}}"""))
                .containsExactlyInAnyOrder(mono, beam);
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"query": "TAG", "include": [{"relation": "parameters", "scope": {"where": {"and": [
                  {"name": "sample_temperature"}, {"value": {"gte": 20}}, {"unit": "celsius"}]}}}]}"""))
                .containsExactlyInAnyOrder(logged, array);
        // several parameter includes are ANDed; exclusive bounds are exclusive
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"query": "TAG", "include": [
                  {"relation": "parameters", "scope": {"where": {"and": [{"name": "temperature"}, {"value": {"gt": 300}}, {"unit": "K"}]}}},
                  {"relation": "parameters", "scope": {"where": {"and": [{"name": "temperature"}, {"value": {"lt": 20}}, {"unit": "K"}]}}}]}"""))
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"query": "TAG", "include": [
                  {"relation": "parameters", "scope": {"where": {"and": [{"name": "temperature"}, {"value": {"gte": 295}}, {"unit": "K"}]}}},
                  {"relation": "parameters", "scope": {"where": {"and": [{"name": "temperature"}, {"value": 10}, {"unit": "K"}]}}}]}"""))
                .containsExactly(array);
        // a text value and a bare name (existence)
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"query": "TAG", "where": {"parameters": {"name": "program_name", "value": "GDA TAG"}}}"""))
                .containsExactly(array);
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"query": "TAG", "include": [{"relation": "parameters", "scope": {"where": {"name": "source temperature"}}}]}"""))
                .containsExactly(logged);
    }

    @Test
    void malformedPanoscParameterQueriesAreClearErrors() {
        given().queryParam("filter", "{\"include\":[{\"relation\":\"parameters\",\"scope\":{\"where\":{\"and\":[{\"value\":1}]}}}]}")
                .get("/api/Datasets").then().statusCode(400).body("error.message", containsString("needs a name"));
        given().queryParam("filter", "{\"where\":{\"parameters\":{\"name\":\"wavelength\",\"value\":{\"like\":\"1%\"}}}}")
                .get("/api/Datasets").then().statusCode(400).body("error.message", containsString("unsupported operator"));
        given().queryParam("filter", "{\"where\":{\"parameters\":{\"name\":\"wavelength\",\"value\":{\"between\":[1]}}}}")
                .get("/api/Datasets").then().statusCode(400).body("error.message", containsString("two values"));
        given().queryParam("filter", "{\"where\":{\"parameters\":{\"name\":\"wavelength\",\"value\":1,\"unit\":\"furlongs\"}}}")
                .get("/api/Datasets").then().statusCode(400).body("error.message", containsString("unknown unit"));
        // Dataset properties are conditions in the index query (PanoscFederationIT covers the operators)
        org.assertj.core.api.Assertions.assertThat(panosc("{\"where\": {\"pid\": {\"inq\": [\"" + mono + "\", \"x\"]}}}"))
                .containsExactly(mono);
        given().queryParam("filter", "{\"where\":{\"isPublic\":\"maybe\"}}")
                .get("/api/Datasets").then().statusCode(400).body("error.field", is("filter.where.isPublic"));
    }

    @Test
    void thePanoscCountTakesTheSameConditions() {
        String where = "{\"parameters\": {\"name\": \"program_name\", \"value\": \"GDA " + tag + "\"}}";
        int listed = panosc("""
                {"where": {"parameters": {"name": "program_name", "value": "GDA TAG"}}}""").size();
        org.assertj.core.api.Assertions.assertThat(listed).isPositive();
        given().queryParam("where", where).get("/api/Datasets/count").then().statusCode(200).body("count", is(listed));
        given().queryParam("where", "{\"and\": [{\"isPublic\": false}, " + where + "]}").get("/api/datasets/count")
                .then().statusCode(200).body("count", is(0));
        given().get("/api/Datasets/count").then().statusCode(200).body("count", greaterThanOrEqualTo(listed));
        given().queryParam("where", "{\"creationDate\": \"x\"}").get("/api/Datasets/count").then().statusCode(400)
                .body("error.field", is("where.creationDate"));
        given().queryParam("where", "[1]").get("/api/Datasets/count").then().statusCode(400).body("error.field", is("where"));
    }

    @Test
    void panoscTitleConditionsMatchSubstringsAndWholeTitles() {
        // text: a case-insensitive substring of the title; like/ilike: unanchored, with SQL wildcards; a string: the title
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"where": {"text": "MONOCHROMATOR TAG"}}""")).containsExactly(mono);
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"where": {"title": {"like": "ix_d TAG"}}}""")).containsExactly(mixed);
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"where": {"and": [{"title": {"ilike": "%TAG"}}, {"title": {"ilike": "b%m"}}]}}""")).containsExactly(beam);
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"where": {"title": "Logged TAG"}}""")).containsExactly(logged);
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"where": {"title": "Logged"}}""")).isEmpty();
        // wildcard characters of the engine are plain characters here
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"where": {"text": "Arr*TAG"}}""")).isEmpty();
        given().queryParam("where", "{\"text\": \"" + tag + "\"}").get("/api/Datasets/count").then().statusCode(200)
                .body("count", is(5));
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"where": {"text": "TAG", "title": {"regexp": "^M"}}}""")).containsExactlyInAnyOrder(mono, mixed);
    }

    @Test
    void isPublicIsAlwaysTrueHere() {
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"query": "TAG", "where": {"isPublic": false}}""")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"query": "TAG", "where": {"isPublic": true}}""")).isEqualTo(panosc("""
                {"query": "TAG"}"""));
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"query": "TAG", "where": {"isPublic": true}}""")).isNotEmpty();
        // and-lists of supported conditions, parameters inside them included
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"query": "TAG", "where": {"and": [{"isPublic": false}]}}""")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(panosc("""
                {"query": "TAG", "where": {"and": [{"isPublic": true}, {"parameters": {"name": "program_name", "value": "GDA TAG"}}]}}"""))
                .isEqualTo(panosc("""
                {"query": "TAG", "where": {"parameters": {"name": "program_name", "value": "GDA TAG"}}}""")).isNotEmpty();
        // an invalid filter is refused even where its answer would be empty
        given().queryParam("filter", "{\"where\":{\"isPublic\":false},\"limit\":-1}").get("/api/Datasets").then().statusCode(400);
    }
}
