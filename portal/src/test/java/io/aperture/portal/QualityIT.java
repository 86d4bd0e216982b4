package io.aperture.portal;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.harvester.nexus.HarvestConfig;
import io.aperture.harvester.nexus.NexusHarvester;
import io.aperture.portal.testing.Axe;
import io.aperture.portal.testing.Browser;
import io.aperture.portal.testing.Pages;
import io.aperture.portal.testing.OncePerClass;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.aperture.record.HarvestRecord;
import io.aperture.record.RecordJson;
import io.aperture.testsupport.RepoFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

/**
 * Metadata quality in the catalogue (issue #16) against the real stack: records ingested through the public ingest API
 * with conformance findings, the per-beamline report aggregated in PostgreSQL, the FAIR assessment per dataset, the
 * staff-only findings facet, and an embargoed dataset's findings invisible to a researcher, its own PI and anonymous
 * callers on every path (dataset API, report and its CSV, facet, page).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityIT {
    private final String tag = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    /** Beamline names only this test's datasets carry, so other tests' data does not disturb the counts. */
    private final String beamlineA = "QA-" + tag;
    private final String beamlineB = "QB-" + tag;
    /** A finding path only the embargoed dataset has: it must never reach anyone but staff. */
    private final String secretPath = "/entry/instrument/secret_" + tag;
    private final Instant old = Instant.parse("2015-06-01T12:00:00Z");

    private String failing;
    private String conforming;
    private String embargoed;
    private String unchecked;
    private String failingFile;

    private final OncePerClass setUp = new OncePerClass();

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void catalogue() {
        setUp.run(this::load);
    }

    private void load() {
        String proposal = "cm" + tag.substring(2, 8);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body("""
                        {"proposals": [{"code": "%s", "title": "Quality", "visits": [{"code": "%s-1"}], "members": [
                          {"role": "PI", "person": {"fullName": "Pat Investigator", "username": "pi"}}]}]}"""
                        .formatted(proposal, proposal))
                .post("/api/ingest/user-office").then().statusCode(200).body("results.status", everyItem(is("IMPORTED")));

        ObjectNode a1 = record("Failing lysozyme " + tag, old, beamlineA, "NXmx");
        findings(a1, finding("error", "/entry/sample/name", "required", "NXmx requires field name"),
                finding("warning", "/entry/sample/temperature", "units-missing", "temperature has no units attribute"));
        failingFile = a1.get("source").get("path").asText();
        ObjectNode a2 = record("Conforming lysozyme " + tag, old, beamlineA, "NXmx");
        findings(a2);
        ObjectNode a3 = Records.withProposal(record("Embargoed lysozyme " + tag, Instant.now().minus(2, ChronoUnit.DAYS),
                beamlineA, "NXmx"), proposal, proposal + "-1");
        findings(a3, finding("error", secretPath, "depends-on", "depends_on points to nothing"));
        ObjectNode b1 = record("Unchecked tomography " + tag, old, beamlineB, "NXtomo");

        List<String> pids = ingest(a1, a2, a3, b1);
        failing = pids.get(0);
        conforming = pids.get(1);
        embargoed = pids.get(2);
        unchecked = pids.get(3);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                search(staff()).then().body("total", is(4)));
    }

    private static ObjectNode record(String title, Instant producedAt, String beamline, String definition) {
        ObjectNode r = Records.record(title, producedAt);
        r.putObject("instrument").put("name", beamline);
        r.putObject("definition").put("name", definition);
        return r;
    }

    private static ObjectNode finding(String level, String path, String rule, String message) {
        ObjectNode f = Records.JSON.createObjectNode();
        return f.put("level", level).put("path", path).put("rule", rule).put("message", message);
    }

    private static void findings(ObjectNode r, ObjectNode... findings) {
        ArrayNode arr = r.putArray("findings");
        for (ObjectNode f : findings) {
            arr.add(f);
        }
    }

    private static List<String> ingest(ObjectNode... records) {
        return given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(records).toString()).post("/api/ingest/records")
                .then().statusCode(200).body("results.status", everyItem(is("CREATED")))
                .extract().path("results.datasetPid");
    }

    private static RequestSpecification staff() {
        return given().auth().oauth2(Tokens.user("staff"));
    }

    private Response search(RequestSpecification spec) {
        return spec.queryParam("q", tag).get("/api/search");
    }

    /** A CSV answer's rows, by its header (quoting as any CSV reader reads it). */
    private static List<Map<String, String>> rows(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return it.readAll();
        }
    }

    private JsonPath report(RequestSpecification spec, Map<String, String> params) {
        return spec.queryParams(params).get("/api/staff/quality").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theReportAggregatesPerBeamline() {
        JsonPath r = report(staff(), Map.of("by", "beamline"));
        Map<String, Object> a = r.getMap("groups.find { it.key == '" + beamlineA + "' }");
        assertThat(a).containsEntry("datasets", 3).containsEntry("checked", 3).containsEntry("conforming", 1);
        assertThat(((Number) a.get("conformingShare")).doubleValue()).isCloseTo(1.0 / 3, within(0.001));
        assertThat(r.getList("groups.find { it.key == '" + beamlineA + "' }.fairBands", Integer.class)
                .stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        Map<String, Object> b = r.getMap("groups.find { it.key == '" + beamlineB + "' }");
        assertThat(b).containsEntry("datasets", 1).containsEntry("checked", 0).containsEntry("conforming", 0)
                .containsEntry("conformingShare", null);

        List<Map<String, Object>> frequent = r.getList("findings.findAll { it.group == '" + beamlineA + "' }");
        assertThat(frequent).extracting(f -> f.get("rule"))
                .containsExactlyInAnyOrder("required", "units-missing", "depends-on");
        Map<String, Object> required = r.getMap("findings.find { it.group == '" + beamlineA + "' && it.rule == 'required' }");
        assertThat(required).containsEntry("level", "error").containsEntry("count", 1).containsEntry("datasets", 1)
                .containsEntry("examples", List.of(failingFile));

        // one beamline, by definition and month: the filter selects exactly its datasets
        JsonPath narrowed = report(staff(), Map.of("by", "definition", "beamline", beamlineA));
        assertThat(narrowed.getList("groups.key")).containsExactly("NXmx");
        assertThat(narrowed.getInt("groups[0].datasets")).isEqualTo(3);
        assertThat(narrowed.getList("trend.month")).hasSize(2).startsWith("2015-06");
        assertThat(narrowed.getInt("trend[0].datasets")).isEqualTo(2);
        assertThat(narrowed.getInt("trend[0].conforming")).isEqualTo(1);
    }

    @Test
    void theReportExportsCsvAndRefusesBadInputNamingIt() throws IOException {
        String csv = staff().queryParams(Map.of("format", "csv", "part", "groups", "beamline", beamlineA))
                .get("/api/staff/quality").then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv.lines().findFirst()).contains("group,datasets,checked,conforming,conforming_share,fair_mean,"
                + "fair_0_19,fair_20_39,fair_40_59,fair_60_79,fair_80_100");
        List<Map<String, String>> groups = rows(csv);
        assertThat(groups).hasSize(1);
        assertThat(groups.getFirst()).containsEntry("group", beamlineA).containsEntry("datasets", "3")
                .containsEntry("checked", "3").containsEntry("conforming", "1");
        List<Map<String, String>> findings = rows(staff().queryParams(Map.of("format", "csv", "part", "findings",
                "beamline", beamlineA)).get("/api/staff/quality").then().statusCode(200).extract().asString());
        assertThat(findings).contains(Map.of("group", beamlineA, "level", "error", "rule", "required", "count", "1",
                "datasets", "1", "examples", failingFile));

        staff().queryParam("by", "colour").get("/api/staff/quality").then().statusCode(400)
                .body("error.field", is("by"));
        staff().queryParam("year", "last").get("/api/staff/quality").then().statusCode(400)
                .body("error.field", is("year"));
        staff().queryParams(Map.of("format", "csv", "part", "all")).get("/api/staff/quality").then().statusCode(400)
                .body("error.field", is("part"));
    }

    @Test
    void eachDatasetHasItsFindingsAndAFairAssessmentWithReasons() {
        JsonPath q = given().get("/api/datasets/" + failing + "/quality").then().statusCode(200).extract().jsonPath();
        assertThat(q.getBoolean("checked")).isTrue();
        assertThat(q.getInt("errors")).isEqualTo(1);
        assertThat(q.getInt("warnings")).isEqualTo(1);
        assertThat(q.getList("findings.rule")).containsExactly("required", "units-missing");
        assertThat(q.getList("fair.metrics")).hasSize(10);
        assertThat(q.getString("fair.metrics.find { it.metric == 'community-standard' }.reason"))
                .isEqualTo("1 errors against NXmx");
        assertThat(q.getBoolean("fair.metrics.find { it.metric == 'licence' }.passed")).isTrue();
        assertThat(q.getString("fair.metrics.find { it.metric == 'rich-metadata' }.reason"))
                .isEqualTo("missing: start time, sample, parameters");
        int failingScore = q.getInt("fair.score");

        JsonPath ok = given().get("/api/datasets/" + conforming + "/quality").then().statusCode(200).extract().jsonPath();
        assertThat(ok.getList("findings")).isEmpty();
        assertThat(ok.getString("fair.metrics.find { it.metric == 'community-standard' }.reason")).isEqualTo("conforms to NXmx");
        assertThat(ok.getInt("fair.score")).isGreaterThan(failingScore);

        JsonPath none = given().get("/api/datasets/" + unchecked + "/quality").then().statusCode(200).extract().jsonPath();
        assertThat(none.getBoolean("checked")).isFalse();
        assertThat(none.getString("fair.metrics.find { it.metric == 'community-standard' }.reason"))
                .isEqualTo("NXtomo declared, but the file was not checked");
    }

    @Test
    void aReingestedRecordReplacesItsFindingsAndItsAssessment() {
        // a title without the tag: this dataset stays out of the other tests' searches
        String beamline = "QC-" + tag;
        ObjectNode r = record("Rewritten record " + UUID.randomUUID(), old, beamline, "NXmx");
        findings(r, finding("error", "/entry/sample/name", "required", "NXmx requires field name"));
        String pid = ingest(r).getFirst();
        assertThat(given().get("/api/datasets/" + pid + "/quality").then().statusCode(200).extract()
                .jsonPath().getList("findings.rule")).containsExactly("required");

        findings(r, finding("info", "/entry/x", "misplaced", "x belongs elsewhere"));
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(r).toString())
                .post("/api/ingest/records").then().statusCode(200).body("results[0].status", is("UPDATED"));
        JsonPath after = given().get("/api/datasets/" + pid + "/quality").then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("findings.rule")).containsExactly("misplaced");
        assertThat(after.getString("fair.metrics.find { it.metric == 'community-standard' }.reason")).isEqualTo("conforms to NXmx");
        assertThat(report(staff(), Map.of("beamline", beamline)).getInt("groups[0].conforming")).isEqualTo(1);
    }

    @Test
    void anEmbargoedDatasetsFindingsAreForStaffOnly() {
        JsonPath q = staff().get("/api/datasets/" + embargoed + "/quality").then().statusCode(200).extract().jsonPath();
        assertThat(q.getList("findings.path")).containsExactly(secretPath);

        // the PI sees the dataset, not its quality; others are told nothing, exactly as for an unknown identifier
        given().auth().oauth2(Tokens.user("pi")).get("/api/datasets/" + embargoed + "/quality").then().statusCode(403)
                .body("error.code", is("QUALITY_STAFF_ONLY"));
        String unknown = given().get("/api/datasets/DLS-" + tag + "/quality").then().statusCode(404).extract().asString();
        for (RequestSpecification caller : List.of(given(), given().auth().oauth2(Tokens.user("researcher")))) {
            assertThat(caller.get("/api/datasets/" + embargoed + "/quality").then().statusCode(404).extract().asString())
                    .isEqualTo(unknown);
        }

        // the report and its exports: staff only
        given().get("/api/staff/quality").then().statusCode(401);
        for (String user : List.of("pi", "researcher")) {
            for (String format : List.of("json", "csv")) {
                String body = given().auth().oauth2(Tokens.user(user)).queryParam("format", format)
                        .get("/api/staff/quality").then().statusCode(403).extract().asString();
                assertThat(body).doesNotContain(tag);
            }
        }
        assertThat(staff().queryParams(Map.of("format", "csv", "part", "findings", "beamline", beamlineA))
                .get("/api/staff/quality").then().statusCode(200).extract().asString()).contains("depends-on");
    }

    @Test
    void theFindingsFacetIsStaffOnly() {
        search(staff()).then().statusCode(200)
                .body("facets.finding.find { it.value == 'depends-on' }.count", is(1));
        staff().queryParam("q", tag).queryParam("finding", "depends-on").get("/api/search").then().statusCode(200)
                .body("total", is(1)).body("hits[0].pid", is(embargoed));
        staff().queryParam("q", tag).queryParam("finding", "required").get("/api/search").then().statusCode(200)
                .body("total", is(1)).body("hits[0].pid", is(failing));

        for (RequestSpecification caller : List.of(given(), given().auth().oauth2(Tokens.user("pi")),
                given().auth().oauth2(Tokens.user("researcher")))) {
            Map<String, Object> facets = search(caller).then().statusCode(200).extract().path("facets");
            assertThat(facets).doesNotContainKey("finding").containsKey("instrument");
        }
        for (RequestSpecification caller : List.of(given(), given().auth().oauth2(Tokens.user("pi")))) {
            caller.queryParam("q", tag).queryParam("finding", "depends-on").get("/api/search").then().statusCode(400)
                    .body("error.field", is("finding"));
        }
    }

    /**
     * A real file, harvested in-process and sent through the ingest API: the catalogue keeps the errors the harvester's
     * CorpusConformanceTest reads off NXtomo by hand for Diamond I13 (each rule's NXDL source is commented there).
     */
    @Test
    void aRealFilesFindingsAreStoredAsTheHarvesterFoundThem() throws Exception {
        List<HarvestRecord> harvested = new NexusHarvester(HarvestConfig.defaults())
                .harvest(RepoFiles.nexus().resolve("tomo/dls_i13_24888.nxs"));
        assertThat(harvested).hasSize(1);
        ObjectNode record = RecordJson.mapper().valueToTree(harvested.getFirst());
        String pid = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(record).toString()).post("/api/ingest/records").then().statusCode(200)
                .extract().path("results[0].datasetPid");
        JsonPath q = staff().get("/api/datasets/" + pid + "/quality").then().statusCode(200).extract().jsonPath();
        String e = "/entry1/tomo_entry";
        assertThat(q.getList("findings.findAll { it.level == 'error' }.collect { it.path + ' ' + it.rule }"))
                .containsExactlyInAnyOrder(e + "/instrument/source/probe enumeration", e + "/control nx-class",
                        e + "/data/image_key required", e + "/sample/name required",
                        e + "/instrument/detector/distance type", e + "/instrument/detector/x_pixel_size type",
                        e + "/instrument/detector/y_pixel_size type");
        assertThat(q.getInt("errors")).isEqualTo(7);
        assertThat(q.getString("fair.metrics.find { it.metric == 'community-standard' }.reason"))
                .isEqualTo("7 errors against NXtomo");
        // its beamline's group in the report lists the file as an example of its missing required fields
        String instrument = harvested.getFirst().instrument().name() != null ? harvested.getFirst().instrument().name()
                : harvested.getFirst().instrument().shortName();
        JsonPath r = report(staff(), Map.of("by", "instrument", "instrument", instrument));
        assertThat(r.getList("findings.findAll { it.rule == 'required' }.examples.flatten()"))
                .contains(harvested.getFirst().source().path());
    }

    /** In a real browser, logged in through Keycloak: staff get the page and the sections, others nothing of them. */
    @Test
    void thePagesInABrowser() throws Exception {
        ChromeDriver browser = Browser.start();
        try {
            new Pages(browser, root).login("staff");
            browser.get(root + "quality?by=beamline&beamline=" + URLEncoder.encode(beamlineA, StandardCharsets.UTF_8));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Metadata quality");
            assertThat(browser.findElements(By.cssSelector("table.quality-groups tbody tr"))).hasSize(1);
            assertThat(browser.findElement(By.cssSelector("table.quality-groups tbody tr")).getText())
                    .startsWith(beamlineA + " 3 3 1 33 %");
            assertThat(browser.findElement(By.cssSelector("table.quality-findings")).getText())
                    .contains("depends-on").contains(failingFile);
            assertThat(browser.findElements(By.linkText("Quality"))).hasSize(1);
            assertThat(Axe.serious(browser)).as("the quality page, axe-core serious/critical").isEmpty();
            // the export links answer the signed-in browser (the API itself takes bearer tokens only)
            for (String link : List.of("JSON", "groups CSV", "findings CSV", "trend CSV")) {
                assertThat(fetched(browser, browser.findElement(By.linkText(link)).getAttribute("href")))
                        .as(link).startsWith("200 ").hasSizeGreaterThan(20);
            }
            browser.get(root + "datasets/" + embargoed);
            assertThat(browser.findElement(By.cssSelector("section.quality")).getText()).contains("FAIR score");
            assertThat(Axe.serious(browser)).as("the landing page's quality section, axe-core serious/critical").isEmpty();
            assertThat(browser.getPageSource()).contains(secretPath); // in the collapsed list of findings
            browser.get(root + "?q=" + tag);
            assertThat(browser.getPageSource()).contains("depends-on");

            new Pages(browser, root).login("pi");
            browser.get(root + "datasets/" + embargoed);
            assertThat(browser.getPageSource()).contains("Embargoed lysozyme").doesNotContain(secretPath)
                    .doesNotContain("Metadata quality");
            assertThat(browser.findElements(By.linkText("Quality"))).isEmpty();
            browser.get(root + "?q=" + tag);
            assertThat(browser.getPageSource()).contains("Embargoed lysozyme").doesNotContain("depends-on");

            new Pages(browser, root).login("researcher");
            browser.get(root + "quality");
            assertThat(browser.getPageSource()).contains("for facility staff").doesNotContain(tag);
            // the portal's export routes ask what the API asks: not staff, nothing of the report
            for (String export : List.of("quality/export.json?by=beamline", "quality/export.csv?part=findings&by=beamline")) {
                assertThat(fetched(browser, root + export)).as(export).startsWith("403 ").doesNotContain(tag).doesNotContain(secretPath);
            }
        } finally {
            browser.quit();
        }
    }

    @Test
    void thePagesShowQualityToStaffOnly() {
        // the quality page needs a login (the OIDC code flow: a redirect, nothing of the report)
        Response page = given().redirects().follow(false).get("/quality");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.asString()).doesNotContain(tag);
        // a public landing page shows no quality section to the public; an embargoed one is not found
        String landing = given().accept("text/html").get("/datasets/" + failing).then().statusCode(200).extract().asString();
        assertThat(landing).contains("Failing lysozyme").doesNotContain("Metadata quality").doesNotContain("units-missing");
        assertThat(given().accept("text/html").get("/datasets/" + embargoed).then().statusCode(404).extract().asString())
                .doesNotContain(secretPath);
    }

    /** The status and body of a GET the browser makes with its session cookie. */
    private static String fetched(ChromeDriver browser, String url) {
        return String.valueOf(browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text().then(t => done(r.status + ' ' + t)));", url));
    }
}
