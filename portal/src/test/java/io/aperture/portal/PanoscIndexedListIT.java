package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.aperture.portal.testing.SearchCluster.engine;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * The {@code /Datasets} list answers its own properties from the index (issue #12): a page without includes costs no
 * SQL statement, answers what the database answers for each dataset ({@code /Datasets/{pid}} still reads the database),
 * follows a DOI that starts to resolve without a re-ingest (the row trigger re-queues the dataset), and a page holding a
 * document indexed before the PaNOSC pid was mapped is read from the database instead. The {@code techniques} and
 * {@code instrument} includes are answered from the index too (no statement) where their scope allows, as the database
 * answers them ({@code /Datasets/{pid}}), and from the database otherwise.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PanoscIndexedListIT {
    private final String tag = "pi" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final OncePerClass setUp = new OncePerClass();
    @Inject
    EntityManager em;

    @BeforeEach
    void catalogue() {
        setUp.run(this::load);
    }

    private void load() {
        ObjectNode[] records = new ObjectNode[3];
        for (int i = 0; i < records.length; i++) {
            records[i] = Records.record("Indexed list " + tag + " " + i, Instant.parse("2014-03-01T10:00:00.123Z").plusSeconds(i));
            records[i].putArray("files").addObject().put("path", "/data/" + tag + "/" + i + ".nxs").put("role", "MASTER").put("size", 1000 + i);
        }
        // 0: two techniques (SAXS listed first, so the IRI order differs from the record's) and an instrument;
        // 1: neither; 2: one technique and another instrument
        records[0].putArray("techniques").add(technique("01188", "small angle x-ray scattering")).add(technique("01164", "macromolecular crystallography"));
        records[0].putObject("instrument").put("name", "Beamline A " + tag).put("shortName", "A" + tag);
        records[2].putArray("techniques").add(technique("01164", "macromolecular crystallography"));
        records[2].putObject("instrument").put("name", "Beamline B " + tag).put("shortName", "B" + tag);
        // 0: a wavelength, a temperature and a text parameter; 2: another wavelength
        Records.withParameter(records[0], "incident_wavelength", 1.5, "angstrom", 1.5e-10, "m");
        Records.withParameter(records[0], "sample_temperature", 100, "K", 100, "K");
        ((ArrayNode) records[0].get("parameters")).addObject().put("name", "sample_state").put("text", "liquid");
        Records.withParameter(records[2], "incident_wavelength", 2.0, "angstrom", 2.0e-10, "m");
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(records).toString())
                .post("/api/ingest/records").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().queryParam("where", where())
                .get("/api/Datasets/count").then().body("count", is(3)));
    }

    private static ObjectNode technique(String id, String label) {
        return Records.JSON.createObjectNode().put("iri", "http://purl.org/pan-science/PaNET/PaNET" + id).put("label", label);
    }

    private String where() {
        return "{\"title\": {\"like\": \"" + tag + "\"}}";
    }

    private Response page(String include) {
        Response r = anyPage(include);
        r.then().statusCode(200).body("size()", is(3));
        return r;
    }

    private Response anyPage(String include) {
        return given().queryParam("filter", "{\"where\": " + where() + ", \"order\": \"title ASC\"" + include + "}")
                .get("/api/Datasets");
    }

    /**
     * The page with these includes, after checking that it needs no SQL statement (the hits answer the includes) and
     * that every listed dataset's {@code relations} are what the database answers.
     */
    private List<Map<String, Object>> answeredFromTheIndex(String includes, String what, String... relations) {
        assertThat(fewestStatementsFor(() -> page(", \"include\": " + includes))).as(what).isZero();
        List<Map<String, Object>> listed = page(", \"include\": " + includes).jsonPath().getList("$");
        answersAsTheDatabase(listed, includes, relations);
        return listed;
    }

    /** Each listed dataset's includes as {@code /Datasets/{pid}} answers them: always from the database. */
    private static void answersAsTheDatabase(List<Map<String, Object>> listed, String includes, String... relations) {
        assertThat(listed).isNotEmpty();
        for (Map<String, Object> d : listed) {
            Map<String, Object> one = given().queryParam("filter", "{\"include\": " + includes + "}").get("/api/Datasets/" + d.get("pid"))
                    .then().statusCode(200).extract().jsonPath().getMap("$");
            for (String relation : relations) {
                assertThat(d.containsKey(relation)).as("%s of %s present", relation, d.get("title")).isEqualTo(one.containsKey(relation));
                assertThat(d.get(relation)).as("%s of %s", relation, d.get("title")).isEqualTo(one.get(relation));
            }
        }
    }

    private static long statementsFor(Runnable call) {
        long before = SearchQueryCountIT.SqlCounter.STATEMENTS.get();
        call.run();
        return SearchQueryCountIT.SqlCounter.STATEMENTS.get() - before;
    }

    /** The fewest statements of a few tries: the outbox poll (each second) may add one to any of them. */
    private static long fewestStatementsFor(Runnable call) {
        long fewest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5; attempt++) {
            fewest = Math.min(fewest, statementsFor(call));
        }
        return fewest;
    }

    @Test
    @Order(1)
    void aPageWithoutIncludesIsAnsweredFromTheIndexAsTheDatabaseAnswersIt() {
        long statements = fewestStatementsFor(() -> page(""));
        assertThat(statements).as("SQL statements for a /Datasets page without includes").isZero();

        List<Map<String, Object>> listed = page("").jsonPath().getList("$");
        for (Map<String, Object> d : listed) {
            // the single dataset is read from the database: the same properties, formatted the same way
            Map<String, Object> one = given().get("/api/Datasets/" + d.get("pid")).then().statusCode(200).extract().jsonPath().getMap("$");
            for (String property : List.of("pid", "title", "creationDate", "size", "isPublic")) {
                assertThat(d.get(property)).as(property).isNotNull().isEqualTo(one.get(property));
            }
        }
        assertThat(listed.getFirst().get("creationDate")).isEqualTo("2014-03-01T10:00:00.123Z");
        assertThat(listed.getFirst().get("size")).isEqualTo(1000);

        // includes are still attached from the database, to the rows read from the index
        List<Map<String, Object>> withFiles = page(", \"include\": [{\"relation\": \"files\"}]").jsonPath().getList("$");
        assertThat(withFiles).extracting(d -> ((List<?>) d.get("files")).size()).containsExactly(1, 1, 1);
        assertThat(withFiles).extracting(d -> d.get("pid")).isEqualTo(listed.stream().map(d -> d.get("pid")).toList());
    }

    @Test
    @Order(2)
    void techniquesAndInstrumentIncludesAreAnsweredFromTheIndexAsTheDatabaseAnswersThem() {
        String both = "[\"techniques\", {\"relation\": \"instrument\"}]";
        List<Map<String, Object>> listed = answeredFromTheIndex(both, "SQL statements with techniques and instrument",
                "techniques", "instrument");
        // what the database answers, spelled out: by IRI, the PaNOSC properties, no instrument where there is none
        String p = "http://purl.org/pan-science/PaNET/PaNET";
        assertThat(listed.get(0).get("techniques")).isEqualTo(List.of(
                Map.of("pid", p + "01164", "name", "macromolecular crystallography", "panetId", p + "01164"),
                Map.of("pid", p + "01188", "name", "small angle x-ray scattering", "panetId", p + "01188")));
        assertThat(listed.get(1).get("techniques")).isEqualTo(List.of());
        assertThat(listed.get(1)).doesNotContainKey("instrument");
        Map<?, ?> instrument = (Map<?, ?>) listed.get(2).get("instrument");
        assertThat(instrument.get("name")).isEqualTo("Beamline B " + tag);
        assertThat(instrument.get("pid")).asString().startsWith("DLS-");
        assertThat(instrument.get("facility")).isEqualTo("DLS");

        // a scope the hits answer: a PaNET term (its descendant SAXS), fields, skip and limit — still no statement
        String deep = "[{\"relation\": \"techniques\", \"scope\": {\"where\": {\"name\": \"small angle scattering\"}}},"
                + " {\"relation\": \"instrument\", \"scope\": {\"fields\": [\"name\"]}}]";
        assertThat(fewestStatementsFor(() -> anyPage(", \"include\": " + deep).then().statusCode(200))).as("with a PaNET scope").isZero();
        List<Map<String, Object>> saxs = anyPage(", \"include\": " + deep).jsonPath().getList("$");
        assertThat(saxs).extracting(d -> d.get("title")).containsExactly("Indexed list " + tag + " 0");
        assertThat(saxs.getFirst().get("techniques")).isEqualTo(List.of(
                Map.of("pid", p + "01188", "name", "small angle x-ray scattering", "panetId", p + "01188")));
        assertThat(saxs.getFirst().get("instrument")).isEqualTo(Map.of("name", "Beamline A " + tag));
        answersAsTheDatabase(saxs, deep, "techniques", "instrument");
        String paged = "[{\"relation\": \"techniques\", \"scope\": {\"skip\": 1, \"limit\": 1, \"fields\": {\"panetId\": false}}},"
                + " {\"relation\": \"instrument\", \"scope\": {\"skip\": 1}}]";
        List<Map<String, Object>> skipped = answeredFromTheIndex(paged, "with skip, limit and fields", "techniques", "instrument");
        assertThat(skipped.getFirst().get("techniques")).isEqualTo(List.of(Map.of("pid", p + "01188", "name", "small angle x-ray scattering")));
        assertThat(skipped).allSatisfy(d -> assertThat(d).doesNotContainKey("instrument"));

        // scopes the hits cannot answer go to the database, and answer the same
        String scoped = "[{\"relation\": \"techniques\", \"scope\": {\"where\": {\"name\": {\"like\": \"crystallography\"}}}},"
                + " {\"relation\": \"instrument\", \"scope\": {\"where\": {\"name\": {\"like\": \"Beamline\"}}}}]";
        assertThat(fewestStatementsFor(() -> anyPage(", \"include\": " + scoped).then().statusCode(200))).as("scoped includes").isPositive();
        List<Map<String, Object>> viaSql = anyPage(", \"include\": " + scoped).jsonPath().getList("$");
        assertThat(viaSql).extracting(d -> d.get("title")).containsExactly("Indexed list " + tag + " 0", "Indexed list " + tag + " 2");
        assertThat(viaSql.getFirst().get("techniques")).isEqualTo(List.of(
                Map.of("pid", p + "01164", "name", "macromolecular crystallography", "panetId", p + "01164")));
        answersAsTheDatabase(viaSql, scoped, "techniques", "instrument");
    }

    @Test
    @Order(2)
    void parametersIncludesAreAnsweredFromTheIndexAsTheDatabaseAnswersThem() {
        String all = "[\"parameters\"]";
        List<Map<String, Object>> listed = answeredFromTheIndex(all, "SQL statements with parameters", "parameters");
        assertThat(((List<?>) listed.get(0).get("parameters")).stream().map(x -> ((Map<?, ?>) x).get("name")).toList())
                .isEqualTo(List.of("incident_wavelength", "sample_temperature", "sample_state"));
        assertThat(listed.get(1).get("parameters")).isEqualTo(List.of());

        // the federation's scope (name, value range and unit) keeps the datasets that have such a parameter, and the list
        // then attaches every parameter of each, as the reference does — still without a statement
        String federation = "[{\"relation\": \"parameters\", \"scope\": {\"where\": {\"and\": [{\"name\": \"incident_wavelength\"}, "
                + "{\"value\": {\"between\": [\"1.3\", \"1.7\"]}}, {\"unit\": \"angstrom\"}]}}}]";
        assertThat(fewestStatementsFor(() -> anyPage(", \"include\": " + federation).then().statusCode(200))).as("federation scope").isZero();
        List<Map<String, Object>> wavelength = anyPage(", \"include\": " + federation).jsonPath().getList("$");
        assertThat(wavelength).extracting(d -> d.get("title")).containsExactly("Indexed list " + tag + " 0");
        answersAsTheDatabase(wavelength, all, "parameters");

        // skip, limit and fields apply per dataset as the database applies them
        String paged = "[{\"relation\": \"parameters\", \"scope\": {\"skip\": 1, \"limit\": 1, \"fields\": [\"name\", \"value\"]}}]";
        List<Map<String, Object>> skipped = answeredFromTheIndex(paged, "with skip, limit and fields", "parameters");
        assertThat(skipped.getFirst().get("parameters")).isEqualTo(List.of(Map.of("name", "sample_temperature", "value", 100)));

        // an order the hits do not answer goes to the database, and answers the same
        String ordered = "[{\"relation\": \"parameters\", \"scope\": {\"order\": \"name DESC\"}}]";
        assertThat(fewestStatementsFor(() -> page(", \"include\": " + ordered))).as("ordered").isPositive();
        answersAsTheDatabase(page(", \"include\": " + ordered).jsonPath().getList("$"), ordered, "parameters");

        // a document indexed before the parameters' ids were mapped: the page's parameters come from the database (the
        // engine keeps a single nested object as an object, several as an array)
        long id = idOf("Indexed list " + tag + " 2");
        engine().contentType(ContentType.JSON).body("{\"script\": \"def ps = ctx._source.parameters; if (ps instanceof List) { for (def p : ps) { p.remove('id') } } else { ps.remove('id') }\"}")
                .post("/dataset-write/_update/" + id + "?refresh=true").then().log().ifValidationFails().statusCode(200);
        assertThat(fewestStatementsFor(() -> page(", \"include\": " + all))).as("read from the database").isPositive();
        answersAsTheDatabase(page(", \"include\": " + all).jsonPath().getList("$"), all, "parameters");
    }

    @Test
    @Order(3)
    void aDocumentIndexedBeforeTheInstrumentPidWasMappedHasItsInstrumentAttachedFromTheDatabase() {
        String include = ", \"include\": [\"instrument\"]";
        Object before = page(include).jsonPath().getList("$", Map.class).get(2).get("instrument");
        long id = idOf("Indexed list " + tag + " 2");
        engine().contentType(ContentType.JSON).body("{\"script\": \"ctx._source.instrument.remove('pid')\"}")
                .post("/dataset-write/_update/" + id + "?refresh=true").then().statusCode(200);
        engine().get("/dataset-read/_doc/" + id).then().statusCode(200).body("_source.instrument.pid", is((Object) null));

        assertThat(fewestStatementsFor(() -> page(include))).as("read from the database").isPositive();
        List<Map<String, Object>> listed = page(include).jsonPath().getList("$");
        assertThat(listed.get(2).get("instrument")).isEqualTo(before);
        assertThat(((Map<?, ?>) before).get("pid")).isNotNull();
        answersAsTheDatabase(listed, "[\"instrument\"]", "instrument");
    }

    private long idOf(String title) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT id FROM dataset WHERE title = ?1").setParameter(1, title).getSingleResult()).longValue());
    }

    @Test
    @Order(4)
    void aDoiThatStartsToResolveBecomesTheListedPidWithoutAReIngest() {
        List<String> pids = page("").jsonPath().getList("pid");
        String doi = "10.5555/" + tag + "-0";
        String draft = "10.5555/" + tag + "-1";
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'DRAFT' WHERE pid = ?2")
                    .setParameter(1, draft).setParameter(2, pids.get(1)).executeUpdate();
            em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'DRAFT' WHERE pid = ?2")
                    .setParameter(1, doi).setParameter(2, pids.get(0)).executeUpdate();
        });
        // a draft does not resolve: the list keeps the local pids (wait until the index has seen both updates)
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(given().queryParam("filter", "{\"where\": {\"pid\": \"" + pids.get(0) + "\"}}").get("/api/Datasets")
                        .then().statusCode(200).extract().jsonPath().getList("pid")).containsExactly(pids.get(0)));
        assertThat(page("").jsonPath().getList("pid", String.class)).isEqualTo(pids);

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE dataset SET doi_state = 'FINDABLE' WHERE pid = ?1")
                .setParameter(1, pids.get(0)).executeUpdate());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(page("").jsonPath().getList("pid", String.class)).containsExactly(doi, pids.get(1), pids.get(2)));
        assertThat(fewestStatementsFor(() -> page(""))).as("still answered from the index").isZero();
    }

    @Test
    @Order(5)
    void aPageWithADocumentIndexedBeforeThePanoscPidWasMappedIsReadFromTheDatabase() {
        List<String> pids = page("").jsonPath().getList("pid");
        long id = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT id FROM dataset WHERE title = ?1").setParameter(1, "Indexed list " + tag + " 0").getSingleResult()).longValue());
        // the document as an older build wrote it: without the field
        engine().contentType(ContentType.JSON).body("{\"script\": \"ctx._source.remove('panoscPid')\"}")
                .post("/dataset-write/_update/" + id + "?refresh=true").then().statusCode(200);
        engine().get("/dataset-read/_doc/" + id).then().statusCode(200).body("_source.panoscPid", is((Object) null));

        assertThat(page("").jsonPath().getList("pid", String.class)).as("the DOI of the first, from the database").isEqualTo(pids);
        assertThat(fewestStatementsFor(() -> page(""))).as("read from the database").isPositive();
    }

}
