package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.*;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * The test that matters most: a catalogue of a couple of thousand datasets with random embargo states, owners and
 * DOIs, crawled through every endpoint as anonymous, as an external researcher and as a member of another proposal.
 * No title, identifier or count of data the caller may not see may appear in any answer. Every new endpoint joins the
 * crawl below.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class ZeroLeakIT {
    private static final int DATASETS = 1500;
    private static final Random RANDOM = new Random(20261124L);

    @Inject
    EntityManager em;

    private static String run;
    /** Per hidden dataset: the secrets it must never leak (title word, pid). */
    private static final Map<String, String> hiddenWordByPid = new HashMap<>();
    private static final Set<String> hiddenWithDoi = new HashSet<>();
    private static final Set<String> visiblePids = new HashSet<>();
    private static String otherProposal;
    private static final String PANET_SAXS = "http://purl.org/pan-science/PaNET/PaNET01188";

    private static String secretTechnique() {
        return run + " secret technique";
    }

    /** The author of the publication that cites "theirs", whose data is all embargoed. */
    private static String secretAuthor() {
        return "Hidden Author " + run;
    }

    private static String secretPublication() {
        return "10.99999/" + run + "-paper";
    }

    @BeforeEach
    void catalogue() {
        if (run != null) {
            return;
        }
        run = "zl" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        // Two proposals: "mine" (member holds a role) and "theirs"; member must never see theirs while embargoed.
        String mine = run + "m";
        otherProposal = run + "t";
        String uo = """
                {"proposals": [
                  {"code": "%s", "title": "Member's proposal", "visits": [{"code": "%s-1"}], "members": [
                    {"role": "TEAM_MEMBER", "person": {"fullName": "Morgan Member", "username": "member"}}]},
                  {"code": "%s", "title": "Another team's proposal", "visits": [{"code": "%s-1"}], "members": [
                    {"role": "PI", "person": {"fullName": "Somebody Else", "username": "else-%s"}}],
                   "publications": [{"doi": "%s", "title": "Paper of %s", "year": 2026, "authors": ["%s"]}]}]}"""
                .formatted(mine, mine, otherProposal, otherProposal, run, secretPublication(), run, secretAuthor());
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(uo).post("/api/ingest/user-office").then().statusCode(200);

        List<ObjectNode> all = new ArrayList<>();
        Map<Integer, String> kindByIndex = new HashMap<>();
        for (int i = 0; i < DATASETS; i++) {
            String word = run + "w" + i;
            boolean released = RANDOM.nextInt(3) == 0;
            Instant produced = released ? Instant.parse("2015-01-01T00:00:00Z").plus(RANDOM.nextInt(2000), ChronoUnit.DAYS)
                    : Instant.now().minus(RANDOM.nextInt(900) + 1, ChronoUnit.DAYS);
            ObjectNode r = Records.record("Specimen " + word + " scan", produced);
            String proposal = RANDOM.nextBoolean() ? otherProposal : mine;
            if (!released) {
                Records.withProposal(r, proposal, proposal + "-1");
            }
            if (!released && proposal.equals(otherProposal)) {
                // techniques only the hidden datasets have: a term of this run's own and a PaNET term, whose broader
                // terms the technique facet counts too
                ArrayNode techniques = r.putArray("techniques");
                techniques.addObject().put("iri", "http://example.org/technique/" + run).put("label", secretTechnique());
                techniques.addObject().put("iri", PANET_SAXS).put("label", "SAXS");
            }
            Records.withParameter(r, "/entry/sample/temperature", 100 + i, "K", 100 + i, "K");
            r.putObject("sample").put("name", "sample " + word);
            ArrayNode files = r.putArray("files");
            files.addObject().put("path", "/dls/leak/" + word + ".nxs").put("role", "MASTER").put("size", 10);
            all.add(r);
            kindByIndex.put(i, released ? "open" : proposal.equals(mine) ? "mine" : "theirs");
        }
        List<String> pids = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 500) {
            ObjectNode batch = Records.batch(all.subList(from, Math.min(all.size(), from + 500)).toArray(ObjectNode[]::new));
            pids.addAll(given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(batch.toString())
                    .post("/api/ingest/records").then().statusCode(200).extract().path("results.datasetPid"));
        }
        for (int i = 0; i < DATASETS; i++) {
            String kind = kindByIndex.get(i);
            if (kind.equals("open")) {
                visiblePids.add(pids.get(i));
            } else if (kind.equals("theirs")) {
                hiddenWordByPid.put(pids.get(i), run + "w" + i);
            }
        }
        // Some hidden datasets have a registered DOI: they keep a minimal landing page, nothing more.
        List<String> hidden = new ArrayList<>(hiddenWordByPid.keySet());
        Collections.shuffle(hidden, RANDOM);
        QuarkusTransaction.requiringNew().run(() -> {
            for (String pid : hidden.subList(0, 25)) {
                em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'REGISTERED' WHERE pid = ?2")
                        .setParameter(1, "10.99999/" + pid.toLowerCase()).setParameter(2, pid).executeUpdate();
                hiddenWithDoi.add(pid);
            }
        });
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                given().auth().oauth2(Tokens.user("staff")).queryParam("q", run + "*").queryParam("size", 1).get("/api/search")
                        .then().body("total", is(DATASETS)));
    }

    private record Caller(String name, Supplier<RequestSpecification> spec) {}

    private List<Caller> outsiders() {
        return List.of(
                new Caller("anonymous", () -> given()),
                new Caller("researcher", () -> given().auth().oauth2(Tokens.user("researcher"))),
                new Caller("member of another proposal", () -> given().auth().oauth2(Tokens.user("member"))));
    }

    /** Fails when any hidden dataset's pid or title word is in the answer. */
    private static void assertNoLeak(String what, String body) {
        for (var e : hiddenWordByPid.entrySet()) {
            if (body.contains(e.getKey()) || body.contains(e.getValue() + " ")) {
                throw new AssertionError(what + " leaks hidden dataset " + e.getKey() + " (" + e.getValue() + ")");
            }
        }
    }

    @Test
    void searchHitsFacetsAndCountsShowOnlyWhatTheCallerMaySee() {
        for (Caller c : outsiders()) {
            String[] queries = {run + "*", "Specimen", "scan", "sample", "\"Specimen " + run + "w1 scan\"", "*", ""};
            for (String q : queries) {
                String after = null;
                int pages = 0;
                do {
                    RequestSpecification s = c.spec().get().queryParam("q", q).queryParam("size", 100);
                    if (after != null) {
                        s = s.queryParam("after", after);
                    }
                    Response r = s.get("/api/search");
                    r.then().statusCode(200);
                    String body = r.asString();
                    assertNoLeak(c.name() + " search '" + q + "'", body);
                    after = r.path("next");
                } while (after != null && ++pages < 30);
            }
            // Counts: the facet on access state and the total agree with what the caller may see.
            Response r = c.spec().get().queryParam("q", run + "*").queryParam("size", 1).get("/api/search");
            int total = r.path("total");
            int expected = visiblePids.size() + (c.name().startsWith("member") ? DATASETS - visiblePids.size() - hiddenWordByPid.size() : 0);
            assertThat(total).as(c.name() + " total").isEqualTo(expected);
            for (String facet : List.of("access", "year", "sample", "licence", "kind")) {
                assertNoLeak(c.name() + " facet " + facet, r.path("facets." + facet).toString());
            }
            // the technique facet over PaNET's hierarchy: only the hidden datasets have techniques in this run
            assertThat(r.<List<Object>>path("facets.technique")).as(c.name() + " technique facet").isEmpty();
            for (String technique : List.of(secretTechnique(), "SAXS", "small angle scattering")) {
                c.spec().get().queryParam("q", run + "*").queryParam("technique", technique).get("/api/search")
                        .then().statusCode(200).body("total", is(0));
            }
            List<Integer> counts = r.path("facets.access.count");
            assertThat(counts.stream().mapToInt(Integer::intValue).sum()).as(c.name() + " access facet").isEqualTo(expected);
            // facet filter on the hidden state finds nothing beyond the caller's own
            c.spec().get().queryParam("q", run + "*").queryParam("access", "WITHDRAWN").get("/api/search").then().body("total", is(0));
            // parameter ranges: nested query over all temperatures
            String body = c.spec().get().queryParam("param", "/entry/sample/temperature:0:100000").queryParam("q", run + "*")
                    .queryParam("size", 100).get("/api/search").asString();
            assertNoLeak(c.name() + " parameter search", body);
            // the same by short name (nameSuffix), the form researchers type
            String byShortName = c.spec().get().queryParam("param", "temperature:0:100000").queryParam("q", run + "*")
                    .queryParam("size", 100).get("/api/search").asString();
            assertNoLeak(c.name() + " parameter search by short name", byShortName);
            assertThat(byShortName).as("released datasets are found by short name").doesNotContain("\"total\":0");
        }
    }

    /** The control for the technique checks above: staff, who may see everything, count the hidden techniques. */
    @Test
    void staffCountTheHiddenDatasetsTechniques() {
        Response r = given().auth().oauth2(Tokens.user("staff")).queryParam("q", run + "*").queryParam("size", 1).get("/api/search");
        List<String> values = r.path("facets.technique.value");
        assertThat(values).contains(secretTechnique());
        assertThat(r.<Integer>path("facets.technique.find { it.value == '" + secretTechnique() + "' }.count"))
                .isEqualTo(hiddenWordByPid.size());
        // the PaNET term's broader terms are counted as well (their labels are shared across the catalogue)
        assertThat(values.size()).as("the PaNET term and its broader terms").isGreaterThan(2);
        String panosc = given().queryParam("filter", "{\"limit\": 10, \"include\": [{\"relation\": \"techniques\", "
                + "\"scope\": {\"where\": {\"name\": \"" + secretTechnique() + "\"}}}]}").get("/api/Datasets")
                .then().statusCode(200).extract().asString();
        assertThat(panosc).as("the PaNOSC list, public only, knows no dataset with the hidden technique").isEqualTo("[]");
    }

    @Test
    void singleRecordEndpointsAnswerLikeUnknownOnes() {
        String unknownPage = given().get("/datasets/DLS-ffffffffffffffffffff").then().statusCode(404).extract().asString();
        String unknownApi = given().get("/api/Datasets/DLS-ffffffffffffffffffff").then().statusCode(404).extract().asString()
                .replace("DLS-ffffffffffffffffffff", "PID");
        String unknownDatacite = given().get("/api/datasets/DLS-ffffffffffffffffffff/datacite").then().statusCode(404).extract().asString();
        List<String> sample = new ArrayList<>(hiddenWordByPid.keySet()).subList(0, 60);
        for (Caller c : outsiders()) {
            for (String pid : sample) {
                String page = c.spec().get().get("/datasets/" + pid).asString();
                if (hiddenWithDoi.contains(pid)) {
                    // the minimal DOI landing page: title and embargo date, no files, parameters or samples
                    assertThat(page).doesNotContain("/dls/leak/").doesNotContain("sample " + hiddenWordByPid.get(pid))
                            .doesNotContain("temperature");
                } else {
                    assertThat(page).as(c.name() + " landing " + pid).isEqualTo(unknownPage);
                }
                Response api = c.spec().get().get("/api/Datasets/" + pid);
                assertThat(api.statusCode()).isEqualTo(404);
                assertThat(api.asString().replace(pid, "PID")).isEqualTo(unknownApi);
                Response dc = c.spec().get().get("/api/datasets/" + pid + "/datacite");
                if (hiddenWithDoi.contains(pid)) {
                    assertThat(dc.asString()).doesNotContain("/dls/leak/").doesNotContain("temperature").doesNotContain("sample " );
                } else {
                    assertThat(dc.statusCode()).isEqualTo(404);
                    assertThat(dc.asString()).isEqualTo(unknownDatacite);
                }
            }
        }
    }

    @Test
    void panoscListsAndCountsArePublicOnly() {
        for (Caller c : outsiders()) {
            for (int skip = 0; skip < DATASETS; skip += 1000) {
                String body = c.spec().get().queryParam("filter", "{\"query\": \"" + run + "*\", \"limit\": 1000, \"skip\": " + skip + "}")
                        .get("/api/Datasets").then().statusCode(200).extract().asString();
                assertNoLeak(c.name() + " PaNOSC list", body);
            }
            // PaNOSC parameter conditions, both spellings the API takes
            String where = c.spec().get().queryParam("filter", "{\"query\": \"" + run + "*\", \"limit\": 1000, "
                            + "\"where\": {\"parameters\": {\"and\": [{\"name\": \"sample_temperature\"}, {\"value\": {\"gte\": 0}}, {\"unit\": \"K\"}]}}}")
                    .get("/api/Datasets").then().statusCode(200).extract().asString();
            assertNoLeak(c.name() + " PaNOSC parameter filter", where);
            assertThat(where).as("released datasets match the PaNOSC parameter filter").isNotEqualTo("[]");
            String include = c.spec().get().queryParam("filter", "{\"query\": \"" + run + "*\", \"limit\": 1000, "
                            + "\"include\": [{\"relation\": \"parameters\", \"scope\": {\"where\": {\"and\": [{\"name\": \"temperature\"}, {\"value\": {\"lt\": 100000}}]}}}]}")
                    .get("/api/Datasets").then().statusCode(200).extract().asString();
            assertNoLeak(c.name() + " PaNOSC include parameters", include);
            assertThat(include).as("released datasets match the PaNOSC include scope").isNotEqualTo("[]");
        }
    }

    @Test
    void panoscDocumentsInstrumentsFilesAndIncludesArePublicOnly() {
        List<String> hidden = new ArrayList<>(hiddenWordByPid.keySet()).subList(0, 20);
        String unknownFiles = given().get("/api/Datasets/DLS-ffffffffffffffffffff/files").then().statusCode(404).extract().asString()
                .replace("DLS-ffffffffffffffffffff", "PID");
        for (Caller c : outsiders()) {
            // both proposals hold embargoed data only: neither is a Document, neither reaches an include
            for (String path : List.of("/api/Documents", "/api/Instruments")) {
                String body = c.spec().get().queryParam("filter", "{\"limit\": 1000, \"include\": [{\"relation\": \"datasets\", "
                        + "\"scope\": {\"limit\": 1000, \"include\": [\"files\", \"parameters\", \"samples\"]}}]}").get(path)
                        .then().statusCode(200).extract().asString();
                assertNoLeak(c.name() + " " + path, body);
                assertThat(body).as(c.name() + " " + path).doesNotContain(otherProposal).doesNotContain(run + "m");
            }
            c.spec().get().queryParam("where", "{\"text\": \"" + run + "\"}").get("/api/Documents/count").then().statusCode(200)
                    .body("count", is(0));
            String datasets = c.spec().get().queryParam("filter", "{\"query\": \"" + run + "*\", \"limit\": 1000, "
                    + "\"include\": [\"documents\", \"files\", \"samples\", \"instrument\", \"parameters\", \"techniques\"]}")
                    .get("/api/Datasets").then().statusCode(200).extract().asString();
            assertNoLeak(c.name() + " PaNOSC Datasets includes", datasets);
            // techniques and parameters are attached from the hits' documents (IndexedIncludes): only public hits
            assertThat(datasets).as(c.name()).doesNotContain(secretTechnique());
            for (String pid : hidden) {
                assertThat(datasets).doesNotContain("/dls/leak/" + hiddenWordByPid.get(pid) + ".nxs");
                Response files = c.spec().get().get("/api/Datasets/" + pid + "/files");
                assertThat(files.statusCode()).isEqualTo(404);
                assertThat(files.asString().replace(pid, "PID")).isEqualTo(unknownFiles);
                c.spec().get().get("/api/Datasets/" + pid + "/files/count").then().statusCode(404);
            }
            c.spec().get().get("/api/Documents/DLS-" + otherProposal).then().statusCode(404);
        }
    }

    @Test
    void theAuthorsOfAPublicationCitingOnlyEmbargoedDataAreUnreachable() {
        // the control: the publication and its author are stored, and the views the PaNOSC model reads hold the author
        long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM panosc_person WHERE full_name = ?1").setParameter(1, secretAuthor()).getSingleResult()).longValue());
        assertThat(stored).as("the hidden publication's author is in the members' view").isEqualTo(1);

        String byAuthor = "{\"relation\": \"members\", \"scope\": {\"include\": [{\"relation\": \"person\", "
                + "\"scope\": {\"where\": {\"fullName\": \"" + secretAuthor() + "\"}}}]}}";
        String everyMember = "{\"relation\": \"members\", \"scope\": {\"limit\": 1000, \"include\": [\"person\"]}}";
        for (Caller c : outsiders()) {
            for (String filter : List.of("{\"limit\": 1000, \"include\": [" + everyMember + "]}",
                    "{\"limit\": 1000, \"include\": [" + byAuthor + "]}",
                    "{\"where\": {\"pid\": \"" + secretPublication() + "\"}, \"include\": [" + everyMember + "]}")) {
                String body = c.spec().get().queryParam("filter", filter).get("/api/Documents").then().statusCode(200)
                        .extract().asString();
                assertThat(body).as(c.name() + " Documents " + filter).doesNotContain(secretAuthor())
                        .doesNotContain(secretPublication()).doesNotContain(run);
            }
            c.spec().get().queryParam("where", "{\"pid\": \"" + secretPublication() + "\"}").get("/api/Documents/count")
                    .then().statusCode(200).body("count", is(0));
            c.spec().get().get("/api/Documents/" + secretPublication()).then().statusCode(404);
            String datasets = c.spec().get().queryParam("filter", "{\"limit\": 1000, \"include\": [{\"relation\": "
                    + "\"documents\", \"scope\": {\"include\": [" + everyMember + "]}}]}").get("/api/Datasets")
                    .then().statusCode(200).extract().asString();
            assertThat(datasets).as(c.name() + " Datasets → documents → members").doesNotContain(secretAuthor())
                    .doesNotContain(secretPublication());
        }
    }

    @Test
    void oaiPmhHarvestsReleasedRecordsOnly() {
        String token = null;
        int pages = 0;
        do {
            var s = given().queryParam("verb", "ListRecords");
            s = token == null ? s.queryParam("metadataPrefix", "oai_datacite") : s.queryParam("resumptionToken", token);
            String xml = s.get("/oai").then().statusCode(200).extract().asString();
            assertNoLeak("OAI-PMH ListRecords page " + pages, xml);
            var m = java.util.regex.Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>").matcher(xml);
            token = m.find() ? m.group(1) : null;
        } while (token != null && ++pages < 500);
        for (String pid : new ArrayList<>(hiddenWordByPid.keySet()).subList(0, 20)) {
            String xml = given().queryParam("verb", "GetRecord").queryParam("metadataPrefix", "oai_dc")
                    .queryParam("identifier", "oai:aperture.local:" + pid).get("/oai").asString();
            assertThat(xml).contains("idDoesNotExist");
            assertNoLeak("OAI-PMH GetRecord", xml.replace(pid, "")); // the request echo carries the asked id
        }
    }

    @Test
    void myProposalsListsOnlyTheCallersOwn() {
        String body = given().auth().oauth2(Tokens.user("member")).get("/api/me/proposals").then().statusCode(200).extract().asString();
        assertThat(body).doesNotContain(otherProposal);
        assertNoLeak("member's proposals", body);
        given().get("/api/me/proposals").then().statusCode(401);
    }

    @Test
    void errorsAndUnknownRoutesEchoNothingStored() {
        for (Caller c : outsiders()) {
            for (String path : List.of("/api/search?size=0", "/api/search?after=xyz", "/api/Datasets?filter={bad",
                    "/api/embargoes/1/extension-requests", "/api/staff/audit", "/api/staff/extension-requests",
                    "/sitemap-0.xml", "/sitemap-99999999.xml", "/api/nothing-here", "/datasets/")) {
                Response r = path.contains("extension-requests") && path.startsWith("/api/embargoes")
                        ? c.spec().get().contentType(ContentType.JSON).body("{}").post(path) : c.spec().get().get(path);
                assertThat(r.statusCode()).as(c.name() + " " + path).isBetween(400, 499);
                assertNoLeak(c.name() + " " + path, r.asString());
            }
        }
    }

    @Test
    void theSitemapListsNoHiddenDataset() {
        for (Caller c : outsiders()) {
            String index = c.spec().get().get("/sitemap.xml").then().statusCode(200).extract().asString();
            assertNoLeak(c.name() + " sitemap index", index);
            Matcher page = Pattern.compile("<loc>https?://[^/]+(/sitemap-\\d+\\.xml)</loc>").matcher(index);
            int pages = 0;
            while (page.find()) {
                pages++;
                String urls = c.spec().get().get(page.group(1)).then().statusCode(200).extract().asString();
                assertThat(urls).as(c.name() + " " + page.group(1)).contains("<loc>");
                assertNoLeak(c.name() + " " + page.group(1), urls);
            }
            assertThat(pages).as(c.name() + " sitemap pages").isPositive();
        }
    }
}
