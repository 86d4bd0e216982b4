package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.OncePerClass;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

/**
 * {@code /api/Datasets} beyond its own properties (design/PANOSC.md §3.4-3.7, issue #12): scoped conditions on a
 * dataset's instrument, documents, samples and files in the index query (inner join), several {@code order} keys, and
 * the PaNET closure. Three released datasets of one proposal and one embargoed dataset of the same proposal, instrument
 * and technique: nothing of the embargoed one may be found through a relation either.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PanoscDatasetsIT {
    private static final String SAXS = "http://purl.org/pan-science/PaNET/PaNET01188";
    private static final String XAS = "http://purl.org/pan-science/PaNET/PaNET01196";
    private static final String SMALL_ANGLE_SCATTERING = "http://purl.org/pan-science/PaNET/PaNET01124";
    private final String tag = "pd" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String code = tag + "p";
    private String one;
    private String two;
    private String three;
    private String hidden;
    private final OncePerClass setUp = new OncePerClass();
    @Inject
    EntityManager em;

    @BeforeEach
    void catalogue() {
        setUp.run(this::load);
    }

    private void load() {
        String uo = """
                {"proposals": [{"code": "%1$s", "title": "Relations proposal %2$s", "visits": [{"code": "%1$s-1"}, {"code": "%1$s-2"}],
                   "members": [{"role": "PI", "person": {"fullName": "Rita Relation %2$s", "username": "rita-%2$s"}}]}]}"""
                .formatted(code, tag);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(uo).post("/api/ingest/user-office")
                .then().statusCode(200);
        Instant y2016 = Instant.parse("2016-05-01T00:00:00Z");
        ObjectNode a = Records.withProposal(Records.record("Ra one " + tag, Instant.parse("2015-01-01T00:00:00Z")), code, code + "-1");
        a.putObject("instrument").put("name", "Relation line " + tag);
        a.putObject("sample").put("name", "Lysozyme " + tag);
        a.putArray("techniques").add(technique(SAXS, "small angle x-ray scattering"));
        Records.withParameter(a, "/entry/sample/temperature", 300.0, "K", 300.0, "K");
        a.putArray("files").add(file("/dls/" + tag + "/one.nxs", 100));
        ObjectNode b = Records.withProposal(Records.record("Ra two " + tag, y2016), code, code + "-1");
        b.putObject("instrument").put("name", "Relation line " + tag);
        b.putArray("techniques").add(technique(SAXS, "small angle x-ray scattering")).add(technique(XAS, "x-ray absorption spectroscopy"));
        b.putArray("files").add(file("/dls/" + tag + "/two.nxs", 100));
        ObjectNode c = Records.record("Ra three " + tag, y2016);
        c.putObject("sample").put("name", "Insulin " + tag);
        Records.withParameter(c, "/entry/sample/temperature_min", 250.0, "K", 250.0, "K");
        Records.withParameter(c, "/entry/sample/temperature_max", 280.0, "K", 280.0, "K");
        ObjectNode e = Records.withProposal(Records.record("Ra embargoed " + tag, Instant.now().minus(Duration.ofDays(20))), code, code + "-2");
        e.putObject("instrument").put("name", "Relation line " + tag);
        e.putObject("sample").put("name", "Secret sample " + tag);
        e.putArray("files").add(file("/dls/" + tag + "/secret.nxs", 5));
        List<String> pids = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(a, b, c, e).toString()).post("/api/ingest/records")
                .then().statusCode(200).extract().path("results.datasetPid");
        one = pids.get(0);
        two = pids.get(1);
        three = pids.get(2);
        hidden = pids.get(3);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("q", tag).get("/api/search").then().body("total", is(3)));
    }

    private static ObjectNode technique(String iri, String label) {
        return Records.JSON.createObjectNode().put("iri", iri).put("label", label);
    }

    private static ObjectNode file(String path, long size) {
        ObjectNode f = Records.JSON.createObjectNode();
        f.put("path", path).put("role", "MASTER").put("size", size);
        return f;
    }

    /** The pids {@code /api/Datasets} answers; every body is checked for the embargoed dataset. */
    private List<String> datasets(String filter) {
        Response r = given().queryParam("filter", filter.replace("TAG", tag)).get("/api/Datasets");
        r.then().statusCode(200);
        assertThat(r.asString()).as(filter).doesNotContain(hidden, "Ra embargoed", "secret.nxs", "Secret sample");
        return r.jsonPath().getList("pid");
    }

    private static String related(String relation, String where) {
        return "{\"where\": {\"text\": \"TAG\"}, \"include\": [{\"relation\": \"" + relation + "\", \"scope\": {\"where\": " + where + "}}]}";
    }

    @Test
    void conditionsOnTheInstrumentDocumentsSamplesAndFilesSelectDatasetsInTheIndexQuery() {
        assertThat(datasets(related("instrument", "{\"name\": \"Relation line TAG\"}"))).containsExactlyInAnyOrder(one, two);
        // inner join: a dataset without an instrument has none that differs either
        assertThat(datasets(related("instrument", "{\"name\": {\"neq\": \"Relation line TAG\"}}"))).isEmpty();
        assertThat(datasets(related("documents", "{\"title\": {\"like\": \"Relations proposal\"}}"))).containsExactlyInAnyOrder(one, two);
        assertThat(datasets(related("document", "{\"title\": {\"like\": \"no such proposal\"}}"))).isEmpty();
        assertThat(datasets(related("samples", "{\"name\": {\"ilike\": \"lysozyme\"}}"))).containsExactly(one);
        assertThat(datasets(related("samples", "{\"name\": {\"ilike\": \"secret sample\"}}"))).isEmpty();
        assertThat(datasets(related("files", "{\"name\": \"two.nxs\"}"))).containsExactly(two);
        // the embargoed dataset's small file is no way in
        assertThat(datasets(related("files", "{\"size\": {\"lt\": 50}}"))).isEmpty();
        // nested: documents whose member is Rita
        assertThat(datasets("""
                {"where": {"text": "TAG"}, "include": [{"relation": "documents", "scope": {"include": [{"relation": "members",
                  "scope": {"include": [{"relation": "person", "scope": {"where": {"fullName": {"like": "Rita"}}}}]}}]}}]}"""))
                .containsExactlyInAnyOrder(one, two);
        // several includes all hold; the related objects are attached as asked
        Response r = given().queryParam("filter", """
                {"where": {"text": "TAG"}, "include": [{"relation": "instrument", "scope": {"where": {"name": {"like": "Relation"}}}},
                  {"relation": "files", "scope": {"where": {"name": {"like": ".nxs"}}}}, {"relation": "samples", "scope": {"where": {"text": "lyso"}}}]}"""
                .replace("TAG", tag)).get("/api/Datasets");
        r.then().statusCode(200);
        assertThat(r.jsonPath().getList("pid")).containsExactly(one);
        assertThat(r.jsonPath().getList("[0].files.name")).containsExactly("one.nxs");
        assertThat(r.jsonPath().getString("[0].instrument.name")).isEqualTo("Relation line " + tag);
        // a page of one and the next page: the condition is in the query that pages, not applied to a page afterwards
        String page = "{\"where\": {\"text\": \"TAG\"}, \"order\": \"title ASC\", \"limit\": 1, \"skip\": SKIP, \"include\": "
                + "[{\"relation\": \"instrument\", \"scope\": {\"where\": {\"name\": {\"like\": \"Relation\"}}}}]}";
        assertThat(datasets(page.replace("SKIP", "0"))).containsExactly(one);
        assertThat(datasets(page.replace("SKIP", "1"))).containsExactly(two);
        assertThat(datasets(page.replace("SKIP", "2"))).isEmpty();
    }

    @Test
    void severalOrderKeysApplyInTurn() {
        assertThat(datasets("{\"where\": {\"text\": \"TAG\"}, \"order\": [\"creationDate DESC\", \"title ASC\"]}"))
                .containsExactly(three, two, one);
        assertThat(datasets("{\"where\": {\"text\": \"TAG\"}, \"order\": \"creationDate DESC, title DESC\"}"))
                .containsExactly(two, three, one);
        // a key the index cannot sort by is skipped, the next one applies
        assertThat(datasets("{\"where\": {\"text\": \"TAG\"}, \"order\": [\"colour ASC\", \"creationDate ASC\", \"title DESC\"]}"))
                .containsExactly(one, two, three);
        assertThat(datasets("{\"where\": {\"text\": \"TAG\"}, \"order\": [\"size DESC\", \"pid DESC\"]}").getLast()).isEqualTo(three);
    }

    private List<String> documentDatasets(String techniqueWhere) {
        Response r = given().queryParam("filter", ("{\"where\": {\"title\": {\"like\": \"Relations proposal TAG\"}}, \"include\": "
                + "[{\"relation\": \"datasets\", \"scope\": {\"include\": [{\"relation\": \"techniques\", \"scope\": {\"where\": "
                + techniqueWhere + "}}]}}]}").replace("TAG", tag)).get("/api/Documents");
        r.then().statusCode(200);
        assertThat(r.asString()).doesNotContain(hidden, "Ra embargoed");
        List<List<String>> docs = r.jsonPath().getList("datasets.pid");
        return docs.isEmpty() ? null : docs.getFirst();
    }

    @Test
    void techniqueConditionsUnderDocumentsAreDeepAndNeqMeansNoTechniqueOfTheDatasetInTheClosure() {
        // one: SAXS; two: SAXS and x-ray absorption spectroscopy. The parent term finds both.
        assertThat(documentDatasets("{\"pid\": \"" + SMALL_ANGLE_SCATTERING + "\"}")).containsExactlyInAnyOrder(one, two);
        assertThat(documentDatasets("{\"name\": \"XAS\"}")).containsExactly(two);
        // two has a technique outside small angle scattering, but one inside: neq drops it, and so the document
        assertThat(documentDatasets("{\"pid\": {\"neq\": \"" + SMALL_ANGLE_SCATTERING + "\"}}")).isNull();
        assertThat(documentDatasets("{\"name\": {\"nin\": [\"XAS\"]}}")).containsExactly(one);
        assertThat(documentDatasets("{\"and\": [{\"name\": \"SAXS\"}, {\"name\": {\"neq\": \"XAS\"}}]}")).containsExactly(one);
        // the same on /Datasets (three has no technique at all, so none in the closure)
        assertThat(datasets(related("techniques", "{\"pid\": {\"neq\": \"" + SMALL_ANGLE_SCATTERING + "\"}}"))).containsExactly(three);
    }

    @Test
    void theCatalogueSearchAndThePortalsTechniqueFilterUseTheClosure() {
        given().queryParam("q", tag).queryParam("technique", "small angle scattering").get("/api/search").then().statusCode(200)
                .body("total", is(2));
        given().queryParam("q", tag).queryParam("technique", SMALL_ANGLE_SCATTERING).get("/api/search").then().statusCode(200)
                .body("total", is(2));
        given().queryParam("q", tag).queryParam("technique", "XAS").get("/api/search").then().statusCode(200)
                .body("total", is(1)).body("hits[0].pid", is(two));
        // the exact label as before
        given().queryParam("q", tag).queryParam("technique", "small angle x-ray scattering").get("/api/search").then()
                .statusCode(200).body("total", is(2));
        given().queryParam("q", tag).queryParam("technique", "neutron diffraction").get("/api/search").then().statusCode(200)
                .body("total", is(0));
        String page = given().queryParam("q", tag).queryParam("technique", "small angle scattering").get("/").then()
                .statusCode(200).extract().asString();
        assertThat(page).contains("Ra one " + tag, "Ra two " + tag).doesNotContain("Ra three " + tag);
    }

    private static String parameterFilter(String name, String lo, String hi, String unit) {
        return "{\"where\": {\"text\": \"TAG\"}, \"include\": [{\"relation\": \"parameters\", \"scope\": {\"where\": {\"and\": [{\"name\": \""
                + name + "\"}, {\"value\": {\"between\": [\"" + lo + "\", \"" + hi + "\"]}}, {\"unit\": \"" + unit + "\"}]}}}]}";
    }

    @Test
    void parameterValuesComeBackInTheQuerysUnitAndRecordedRangesMatchAnOverlappingBetween() {
        Response r = given().queryParam("filter", parameterFilter("sample_temperature", "20", "30", "celsius").replace("TAG", tag))
                .get("/api/Datasets");
        r.then().statusCode(200);
        assertThat(r.jsonPath().getList("pid")).containsExactly(one);
        assertThat(r.jsonPath().getList("[0].parameters.unit")).containsExactly("celsius");
        assertThat(r.jsonPath().getDouble("[0].parameters[0].value")).isCloseTo(26.85, within(1e-6));
        // three recorded 250 K to 280 K as temperature_min/_max: 0-10 °C (273.15-283.15 K) overlaps it, 20-30 °C does not
        assertThat(datasets(parameterFilter("sample_temperature", "0", "10", "celsius"))).containsExactly(three);
        assertThat(datasets(parameterFilter("sample_temperature", "0", "20", "degF"))).containsExactly(three);
        // -100 to -30 °F is 199.8 K to 238.7 K: below the recorded minimum
        assertThat(datasets(parameterFilter("sample_temperature", "-100", "-30", "degF"))).isEmpty();
        assertThat(datasets(parameterFilter("temperature", "281", "300", "K"))).containsExactly(one);
        // one-sided: lte asks only the recorded minimum
        assertThat(datasets("{\"where\": {\"text\": \"TAG\"}, \"include\": [{\"relation\": \"parameters\", \"scope\": {\"where\": "
                + "{\"and\": [{\"name\": \"sample_temperature\"}, {\"value\": {\"lte\": 260}}, {\"unit\": \"K\"}]}}}]}")).containsExactly(three);
    }

    @Test
    void theBracketFormOfTheFilterIsReadAsTheReferenceReadsIt() {
        List<String> pids = given().urlEncodingEnabled(true).queryParam("filter[where][text]", tag)
                .queryParam("filter[order]", "title DESC").queryParam("filter[limit]", "2").get("/api/Datasets")
                .then().statusCode(200).extract().path("pid");
        assertThat(pids).containsExactly(two, three);
        given().queryParam("filter[where][title][like]", "Relations proposal " + tag).queryParam("filter[include][0][relation]", "datasets")
                .get("/api/Documents").then().statusCode(200).body("[0].datasets.pid", containsInAnyOrder(one, two));
        given().queryParam("where[text]", tag).get("/api/Datasets/count").then().statusCode(200).body("count", is(3));
        // the JSON parameter, when given, wins
        given().queryParam("filter", "{\"where\": {\"pid\": \"" + one + "\"}}").queryParam("filter[where][pid]", two)
                .get("/api/Datasets").then().statusCode(200).body("pid", is(List.of(one)));
        given().queryParam("filter[where]", "x").queryParam("filter[where][title]", "y").get("/api/Datasets").then()
                .statusCode(400).body("error.statusCode", is(400));
    }

    @Test
    void aQueryOnDocumentsAndInstrumentsRanksByRelevanceWithAbsoluteScores() {
        Response r = given().queryParam("filter", "{\"query\": \"relations " + tag + "\", \"where\": {\"title\": {\"like\": \"" + tag + "\"}}}")
                .get("/api/Documents");
        r.then().statusCode(200);
        assertThat(r.jsonPath().getList("title")).containsExactly("Relations proposal " + tag);
        float score = r.jsonPath().getFloat("[0].score");
        assertThat(score).isStrictlyBetween(0f, 1f).isNotEqualTo(0.5f);
        // the query ranks and never selects (hard filters select): a word no document has drops none of them
        given().queryParam("filter", "{\"query\": \"nowhere" + tag + "\", \"where\": {\"title\": {\"like\": \"" + tag + "\"}}}")
                .get("/api/Documents").then().statusCode(200).body("title", is(List.of("Relations proposal " + tag)));
        Response i = given().queryParam("filter", "{\"query\": \"relation line " + tag + "\", \"limit\": 1000}").get("/api/Instruments");
        i.then().statusCode(200);
        List<String> names = i.jsonPath().getList("name");
        assertThat(names.getFirst()).isEqualTo("Relation line " + tag);
        assertThat(names).as("instruments the query does not match are ranked after, not dropped").hasSizeGreaterThan(1);
        List<Float> scores = i.jsonPath().getList("score", Float.class);
        assertThat(scores.getFirst()).isStrictlyBetween(0f, 1f).isNotEqualTo(0.5f).isGreaterThan(scores.get(1));
        assertThat(scores).allSatisfy(s -> assertThat(s).isStrictlyBetween(0f, 1f));
    }

    /** Last: it gives datasets DOIs, which the other tests do not expect. */
    @Test
    void filesAndParametersAnswerIdsThatCountNothingAndFindTheirRow() {
        String oneFile = given().get("/api/Datasets/" + one + "/files").then().statusCode(200).extract().path("[0].id");
        String twoFile = given().get("/api/Datasets/" + two + "/files").then().statusCode(200).extract().path("[0].id");
        long stored = ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id FROM datafile WHERE path = ?1").setParameter(1, "/dls/" + tag + "/one.nxs").getSingleResult())).longValue();
        // not the sequence value: the gap between two public files' ids would count the embargoed files made between them
        assertThat(oneFile).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(String.valueOf(stored));
        assertThat(twoFile).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(oneFile);
        // the answered id finds its file, the sequence value nothing
        given().queryParam("filter", "{\"where\": {\"id\": \"" + oneFile + "\"}}").get("/api/Datasets/" + one + "/files")
                .then().statusCode(200).body("name", is(List.of("one.nxs")));
        given().queryParam("filter", "{\"where\": {\"id\": {\"inq\": [\"" + oneFile + "\", \"" + twoFile + "\"]}}}")
                .get("/api/Datasets/" + two + "/files").then().statusCode(200).body("name", is(List.of("two.nxs")));
        given().queryParam("filter", "{\"where\": {\"id\": \"" + stored + "\"}}").get("/api/Datasets/" + one + "/files")
                .then().statusCode(200).body("$", is(List.of()));
        // a parameter's id as the index answers it (the list) is the one the database compares (one dataset's include)
        String parameter = given().queryParam("filter", "{\"where\": {\"pid\": \"" + one + "\"}, \"include\": [\"parameters\"]}")
                .get("/api/Datasets").then().statusCode(200).extract().path("[0].parameters[0].id");
        assertThat(parameter).matches("[A-Za-z0-9_-]{22}");
        String byId = "{\"include\": [{\"relation\": \"parameters\", \"scope\": {\"where\": {\"id\": \"%s\"}}}]}";
        given().queryParam("filter", byId.formatted(parameter)).get("/api/Datasets/" + one).then().statusCode(200)
                .body("parameters.id", is(List.of(parameter)));
        String edited = (parameter.charAt(0) == 'A' ? "B" : "A") + parameter.substring(1);
        given().queryParam("filter", byId.formatted(edited)).get("/api/Datasets/" + one).then().statusCode(200)
                .body("parameters", is(List.of()));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aDatasetsPidIsItsDoiOnceItResolvesAndTheLocalPidStillFindsIt() {
        String doi = "10.5555/" + tag + "-two";
        String draft = "10.5555/" + tag + "-one";
        String embargoed = "10.5555/" + tag + "-hidden";
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'FINDABLE' WHERE pid = ?2")
                    .setParameter(1, doi).setParameter(2, two).executeUpdate();
            em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'DRAFT' WHERE pid = ?2")
                    .setParameter(1, draft).setParameter(2, one).executeUpdate();
            em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'REGISTERED' WHERE pid = ?2")
                    .setParameter(1, embargoed).setParameter(2, hidden).executeUpdate();
        });
        // the index follows through the search outbox
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(datasets("{\"where\": {\"pid\": \"" + doi + "\"}}")).containsExactly(doi));
        assertThat(datasets("{\"where\": {\"pid\": \"" + two + "\"}}")).containsExactly(doi);
        assertThat(datasets("{\"where\": {\"text\": \"TAG\", \"pid\": {\"nin\": [\"" + doi + "\"]}}}")).containsExactlyInAnyOrder(one, three);
        assertThat(datasets("{\"where\": {\"text\": \"TAG\"}, \"order\": \"title ASC\"}")).containsExactly(one, three, doi);
        // a draft DOI does not resolve: no pid yet, and nothing to find by
        assertThat(datasets("{\"where\": {\"pid\": \"" + draft + "\"}}")).isEmpty();
        given().urlEncodingEnabled(false).get("/api/Datasets/" + draft.replace("/", "%2F")).then().statusCode(404);
        // an embargoed dataset's registered DOI finds nothing anywhere
        assertThat(datasets("{\"where\": {\"pid\": \"" + embargoed + "\"}}")).isEmpty();
        given().urlEncodingEnabled(false).get("/api/Datasets/" + embargoed.replace("/", "%2F")).then().statusCode(404);
        given().urlEncodingEnabled(false).get("/api/Datasets/" + doi.replace("/", "%2F")).then().statusCode(200)
                .body("pid", is(doi)).body("title", is("Ra two " + tag));
        given().get("/api/Datasets/" + two).then().statusCode(200).body("pid", is(doi));
        given().urlEncodingEnabled(false).get("/api/Datasets/" + doi.replace("/", "%2F") + "/files").then().statusCode(200)
                .body("name", is(List.of("two.nxs")));
        // relations carry it too, and conditions under includes compare it
        given().queryParam("filter", ("{\"where\": {\"title\": {\"like\": \"Relations proposal TAG\"}}, \"include\": [{\"relation\": "
                        + "\"datasets\", \"scope\": {\"where\": {\"pid\": \"" + doi + "\"}}}]}").replace("TAG", tag))
                .get("/api/Documents").then().statusCode(200).body("[0].datasets.pid", is(List.of(doi)));
    }
}
