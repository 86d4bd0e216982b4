package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.DataCiteIT.Standards;
import io.aperture.portal.DataCiteIT.Xml;
import io.aperture.portal.testing.OncePerClass;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.*;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

/**
 * OAI-PMH 2.0 at /oai against the real stack, with more released records than one page (default page size 100) so
 * resumption tokens are exercised. Every response
 * is validated offline against OAI-PMH.xsd plus the schemas of the embedded formats. Released records are listed
 * exactly once across pages; embargoed records and ones withdrawn under embargo never appear and answer like unknown
 * identifiers (announced deletions: OaiDeletedRecordsIT).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OaiPmhIT {
    private static final String REPO = "oai:aperture.local:";
    /** The default aperture.oai.page-size. */
    private static final int PAGE = 100;
    /** Released records of this test's set: more than one page. */
    private static final int RELEASED = PAGE + 3;

    @Inject
    EntityManager em;

    private final String tag = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String set = "instrument:" + tag;
    private final List<String> released = new ArrayList<>();
    private final Map<String, String> hidden = new LinkedHashMap<>(); // pid -> title
    private String doiRecord;
    private Instant start;
    private final OncePerClass setUp = new OncePerClass();

    @BeforeEach
    void catalogue() {
        setUp.run(this::load);
    }

    private void load() {
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        Instant old = Instant.parse("2016-03-01T09:00:00Z");
        Instant recent = Instant.now().minus(1, ChronoUnit.DAYS);
        List<ObjectNode> open = new ArrayList<>();
        for (int i = 1; i <= RELEASED + 1; i++) {
            // the last is withdrawn while embargoed: never served, it leaves no trace (a withdrawal after release is
            // announced as a deleted record: OaiDeletedRecordsIT)
            open.add(onInstrument(Records.record("Open garnet " + i + " " + tag, i <= RELEASED ? old.plusSeconds(i) : recent)));
        }
        ObjectNode embargoed = onInstrument(Records.record("Hidden garnet " + tag, recent));
        ObjectNode embargoedDoi = onInstrument(Records.record("Hidden cited garnet " + tag, recent));
        List<ObjectNode> all = new ArrayList<>(open);
        all.add(embargoed);
        all.add(embargoedDoi);
        List<String> pids = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(all.toArray(ObjectNode[]::new)).toString()).post("/api/ingest/records")
                .then().statusCode(200).body("results.status", everyItem(is("CREATED"))).extract().path("results.datasetPid");
        released.addAll(pids.subList(0, RELEASED));
        String withdrawn = pids.get(RELEASED);
        hidden.put(withdrawn, "Open garnet " + (RELEASED + 1) + " " + tag);
        hidden.put(pids.get(RELEASED + 1), "Hidden garnet " + tag);
        doiRecord = pids.get(RELEASED + 2);
        hidden.put(doiRecord, "Hidden cited garnet " + tag);

        long embargoId = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'REGISTERED' WHERE pid = ?2")
                    .setParameter(1, "10.80001/aperture." + tag).setParameter(2, doiRecord).executeUpdate();
            return ((Number) em.createNativeQuery("SELECT e.id FROM embargo e JOIN dataset d ON e.dataset_id = d.id WHERE d.pid = ?1")
                    .setParameter(1, withdrawn).getSingleResult()).longValue();
        });
        given().auth().oauth2(Tokens.user("staff")).contentType(ContentType.JSON).body("{\"reason\": \"court order\"}")
                .post("/api/staff/embargoes/" + embargoId + "/withdraw").then().statusCode(200);
    }

    private ObjectNode onInstrument(ObjectNode r) {
        r.putObject("instrument").put("name", "Test beamline " + tag).put("shortName", tag);
        r.putArray("techniques").addObject().put("iri", "http://purl.org/pan-science/PaNET/PaNET01030").put("label", "powder diffraction");
        return r;
    }

    /** GET /oai with the arguments; every response must be schema-valid and free of hidden records. */
    private Xml oai(String... args) throws Exception {
        var spec = given();
        for (int i = 0; i + 1 < args.length; i += 2) {
            spec = spec.queryParam(args[i], args[i + 1]);
        }
        String body = spec.get("/oai").then().statusCode(200).contentType("text/xml").extract().asString();
        return checked(body);
    }

    private Xml checked(String body) throws Exception {
        Standards.validateOai(body);
        // <request> echoes the caller's own arguments (protocol section 3.2); everything else is the server's answer.
        String answer = body.replaceFirst("<request[^>]*>[^<]*</request>", "");
        assertThat(answer).isNotEqualTo(body);
        for (Map.Entry<String, String> h : hidden.entrySet()) {
            assertThat(answer).doesNotContain(h.getKey()).doesNotContain(h.getValue());
        }
        return Xml.parse(body);
    }

    /** Follows resumption tokens to the end; returns the identifiers in order and checks cursor and list size. */
    private List<String> harvest(String verb, String prefix, String... selective) throws Exception {
        List<String> args = new ArrayList<>(List.of("verb", verb, "metadataPrefix", prefix));
        args.addAll(List.of(selective));
        Xml page = oai(args.toArray(String[]::new));
        List<String> ids = new ArrayList<>();
        int expectedCursor = 0;
        String size = null;
        while (true) {
            List<String> onPage = page.texts("//oai:header/oai:identifier");
            assertThat(onPage).hasSizeBetween(1, PAGE);
            ids.addAll(onPage);
            String token = page.text("//oai:resumptionToken");
            if (page.texts("//oai:resumptionToken").isEmpty()) {
                assertThat(expectedCursor).as("a single page list has no token").isZero();
                return ids;
            }
            assertThat(page.text("//oai:resumptionToken/@cursor")).isEqualTo(String.valueOf(expectedCursor));
            if (size == null) {
                size = page.text("//oai:resumptionToken/@completeListSize");
            }
            assertThat(page.text("//oai:resumptionToken/@completeListSize")).isEqualTo(size);
            if (token.isEmpty()) {
                assertThat(ids).hasSize(Integer.parseInt(size));
                return ids;
            }
            assertThat(onPage).hasSize(PAGE);
            expectedCursor += onPage.size();
            page = oai("verb", verb, "resumptionToken", token);
        }
    }

    private List<String> expectedIdentifiers() {
        return released.stream().map(p -> REPO + p).toList();
    }

    @Test
    void listIdentifiersPagesThroughEveryReleasedRecordOfTheSetExactlyOnce() throws Exception {
        List<String> ids = harvest("ListIdentifiers", "oai_dc", "set", set);
        assertThat(ids).hasSize(RELEASED).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedIdentifiers());
    }

    @Test
    void listRecordsPagesThroughBothFormatsWithRealMetadata() throws Exception {
        for (String prefix : List.of("oai_datacite", "oai_dc")) {
            List<String> ids = harvest("ListRecords", prefix, "set", set);
            assertThat(ids).hasSize(RELEASED).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedIdentifiers());
        }
        Xml dc = oai("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", REPO + released.getFirst());
        assertThat(dc.text("//oai_dc:dc/dce:title")).isEqualTo("Open garnet 1 " + tag);
        assertThat(dc.texts("//oai_dc:dc/dce:rights")).contains("https://creativecommons.org/licenses/by/4.0/");
        assertThat(dc.texts("//oai_dc:dc/dce:subject")).contains("powder diffraction");
        assertThat(dc.texts("//oai_dc:dc/dce:identifier")).contains(released.getFirst());
        assertThat(dc.text("//oai:header/oai:setSpec")).isEqualTo(set);

        Xml datacite = oai("verb", "GetRecord", "metadataPrefix", "oai_datacite", "identifier", REPO + released.getFirst());
        assertThat(datacite.text("//od:oai_datacite/od:schemaVersion")).isEqualTo("4.6");
        assertThat(datacite.text("//od:payload/dc:resource/dc:titles/dc:title")).isEqualTo("Open garnet 1 " + tag);
        assertThat(datacite.text("//dc:alternateIdentifier")).isEqualTo(released.getFirst());
        assertThat(datacite.text("//dc:subject/@valueURI")).isEqualTo("http://purl.org/pan-science/PaNET/PaNET01030");
        assertThat(datacite.text("//dc:rights/@rightsIdentifier")).isEqualTo("CC-BY-4.0");
        assertThat(datacite.text("//oai:header/oai:datestamp")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    }

    @Test
    void theWholeRepositoryNeverShowsEmbargoedOrWithdrawnRecords() throws Exception {
        String from = start.toString();
        // a fixed upper bound: records other tests change while this one pages do not shift the list under it
        String until = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1).toString();
        for (String verb : List.of("ListIdentifiers", "ListRecords")) {
            for (String prefix : List.of("oai_dc", "oai_datacite")) {
                List<String> ids = harvest(verb, prefix, "from", from, "until", until);
                assertThat(ids).doesNotHaveDuplicates().containsAll(expectedIdentifiers());
                hidden.keySet().forEach(pid -> assertThat(ids).doesNotContain(REPO + pid));
            }
        }
        Xml sets = oai("verb", "ListSets");
        assertThat(sets.texts("//oai:set/oai:setSpec")).contains("instrument", set);
    }

    @Test
    void hiddenRecordsAnswerExactlyLikeUnknownOnes() throws Exception {
        Xml unknown = oai("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", REPO + "DLS-00000000000000000000");
        assertThat(unknown.text("//oai:error/@code")).isEqualTo("idDoesNotExist");
        String message = unknown.text("//oai:error");
        for (String pid : hidden.keySet()) {
            for (String prefix : List.of("oai_dc", "oai_datacite")) {
                Xml x = oai("verb", "GetRecord", "metadataPrefix", prefix, "identifier", REPO + pid);
                assertThat(x.text("//oai:error/@code")).isEqualTo("idDoesNotExist");
                assertThat(x.text("//oai:error")).isEqualTo(message);
                assertThat(x.texts("//oai:record")).isEmpty();
            }
            Xml formats = oai("verb", "ListMetadataFormats", "identifier", REPO + pid);
            assertThat(formats.text("//oai:error/@code")).isEqualTo("idDoesNotExist");
        }
        // A staff session does not widen the anonymous protocol.
        String asStaff = given().auth().oauth2(Tokens.user("staff")).queryParam("verb", "GetRecord")
                .queryParam("metadataPrefix", "oai_dc").queryParam("identifier", REPO + doiRecord)
                .get("/oai").then().statusCode(200).extract().asString();
        assertThat(checked(asStaff).text("//oai:error/@code")).isEqualTo("idDoesNotExist");
    }

    @Test
    void identifyAndListMetadataFormatsDescribeTheRepository() throws Exception {
        Xml id = oai("verb", "Identify");
        assertThat(id.text("//oai:Identify/oai:protocolVersion")).isEqualTo("2.0");
        assertThat(id.text("//oai:Identify/oai:baseURL")).endsWith("/oai");
        assertThat(id.text("//oai:Identify/oai:deletedRecord")).isEqualTo("persistent");
        assertThat(id.text("//oai:Identify/oai:granularity")).isEqualTo("YYYY-MM-DDThh:mm:ssZ");
        assertThat(id.text("//oai:Identify/oai:repositoryName")).contains("Diamond Light Source");
        assertThat(id.text("//oid:oai-identifier/oid:repositoryIdentifier")).isEqualTo("aperture.local");
        assertThat(Instant.parse(id.text("//oai:Identify/oai:earliestDatestamp"))).isBeforeOrEqualTo(Instant.now());

        Xml formats = oai("verb", "ListMetadataFormats", "identifier", REPO + released.getFirst());
        assertThat(formats.texts("//oai:metadataPrefix")).containsExactly("oai_dc", "oai_datacite");
        assertThat(formats.texts("//oai:metadataNamespace")).contains("http://schema.datacite.org/oai/oai-1.1/");
    }

    @Test
    void postFormRequestsAnswerLikeGet() throws Exception {
        String body = given().contentType(ContentType.URLENC).formParam("verb", "ListIdentifiers")
                .formParam("metadataPrefix", "oai_dc").formParam("set", set)
                .post("/oai").then().statusCode(200).extract().asString();
        Xml x = checked(body);
        assertThat(x.texts("//oai:header/oai:identifier")).hasSize(PAGE);
        assertThat(x.text("//oai:request/@verb")).isEqualTo("ListIdentifiers");
        assertThat(x.text("//oai:resumptionToken/@completeListSize")).isEqualTo(String.valueOf(RELEASED));
    }

    @Test
    void datestampWindowsSelectByUpdateAndRelease() throws Exception {
        String yesterday = start.minus(1, ChronoUnit.DAYS).toString().substring(0, 10);
        Xml before = oai("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", set, "until", yesterday);
        assertThat(before.text("//oai:error/@code")).isEqualTo("noRecordsMatch");
        List<String> today = harvest("ListIdentifiers", "oai_dc", "set", set, "from", yesterday,
                "until", Instant.now().plus(1, ChronoUnit.DAYS).toString().substring(0, 10));
        assertThat(today).containsExactlyInAnyOrderElementsOf(expectedIdentifiers());
        Xml future = oai("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2999-01-01T00:00:00Z");
        assertThat(future.text("//oai:error/@code")).isEqualTo("noRecordsMatch");
    }

    @Test
    void protocolErrorsUseTheOaiCodes() throws Exception {
        assertError(oai(), "badVerb", true);
        assertError(oai("verb", "Harvest"), "badVerb", true);
        assertError(oai("verb", "ListRecords"), "badArgument", true);
        assertError(oai("verb", "ListRecords", "metadataPrefix", "oai_dc", "colour", "red"), "badArgument", true);
        assertError(oai("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2024-02-30"), "badArgument", true);
        assertError(oai("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2024-01-02", "until", "2024-01-01"), "badArgument", true);
        assertError(oai("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2024-01-01", "until", "2024-01-02T00:00:00Z"), "badArgument", true);
        assertError(oai("verb", "ListRecords", "metadataPrefix", "oai_dc", "resumptionToken", "x"), "badArgument", true);
        String repeated = given().urlEncodingEnabled(true).get("/oai?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc")
                .then().statusCode(200).extract().asString();
        assertError(checked(repeated), "badArgument", true);
        assertError(oai("verb", "ListRecords", "metadataPrefix", "marc21"), "cannotDisseminateFormat", false);
        assertError(oai("verb", "GetRecord", "metadataPrefix", "marc21", "identifier", REPO + released.getFirst()), "cannotDisseminateFormat", false);
        assertError(oai("verb", "ListRecords", "resumptionToken", "bm90LWEtdG9rZW4"), "badResumptionToken", false);
        assertError(oai("verb", "ListSets", "resumptionToken", "anything"), "badResumptionToken", false);
        assertError(oai("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "instrument:no-such-" + tag), "noRecordsMatch", false);
        assertError(oai("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", "oai:elsewhere.org:" + released.getFirst()), "idDoesNotExist", false);
    }

    @Test
    void controlCharactersInARequestStillGetAWellFormedError() throws Exception {
        // echoed in the error message as U+FFFD, never raw: checked() parses and validates every answer
        Xml verb = oai("verb", "Harvest\u0001\u0000");
        assertError(verb, "badVerb", true);
        assertThat(verb.text("//oai:error")).contains("Harvest\ufffd\ufffd");
        assertError(oai("verb", "ListRecords", "metadataPrefix", "oai_dc", "colour\u0007", "red"), "badArgument", true);
    }

    @Test
    void aNulInAnIdentifierPrefixOrSetIsABadArgumentNotAServerError() throws Exception {
        String id = REPO + released.getFirst();
        assertError(oai("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", id + "\u0000"), "badArgument", true);
        assertError(oai("verb", "GetRecord", "metadataPrefix", "oai\u0000dc", "identifier", id), "badArgument", true);
        assertError(oai("verb", "ListMetadataFormats", "identifier", id + "\u0000"), "badArgument", true);
        assertError(oai("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", set + "\u0000"), "badArgument", true);
    }

    @Test
    void datesOutOfRangeAreBadArguments() throws Exception {
        assertError(oai("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "+999999999-12-31"), "badArgument", true);
        assertError(oai("verb", "ListRecords", "metadataPrefix", "oai_dc", "until", "+999999999-12-31T23:59:59Z"), "badArgument", true);
    }

    @Test
    void anEditedOrForgedResumptionTokenIsRefused() throws Exception {
        String token = oai("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", set).text("//oai:resumptionToken");
        int dot = token.indexOf('.');
        assertThat(dot).as("a signed token: payload.signature").isPositive();
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        String rewound = withField(payload, 5, "0"); // the cursor
        assertError(oai("verb", "ListIdentifiers", "resumptionToken", base64(rewound) + token.substring(dot)), "badResumptionToken", false);
        String farFuture = withField(payload, 6, "+999999999-12-31T00:00:00Z"); // the position's datestamp
        assertError(oai("verb", "ListIdentifiers", "resumptionToken", base64(farFuture) + token.substring(dot)), "badResumptionToken", false);
        assertError(oai("verb", "ListIdentifiers", "resumptionToken", base64(farFuture)), "badResumptionToken", false);
        // the token as issued still resumes the list
        assertThat(oai("verb", "ListIdentifiers", "resumptionToken", token).texts("//oai:header/oai:identifier")).isNotEmpty();
    }

    @Test
    void malformedFormEncodingOnPostIsABadArgument() throws Exception {
        String body = given().contentType(ContentType.URLENC).body("verb=ListRecords&metadataPrefix=%zz")
                .post("/oai").then().statusCode(200).contentType("text/xml").extract().asString();
        assertError(checked(body), "badArgument", true);
    }

    /** The token payload with one of its |-separated fields replaced (asserting that this changes it). */
    private static String withField(String payload, int index, String value) {
        String[] fields = payload.split("\\|", -1);
        assertThat(fields[index]).isNotEqualTo(value);
        fields[index] = value;
        return String.join("|", fields);
    }

    private static String base64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertError(Xml x, String code, boolean bareRequest) throws Exception {
        assertThat(x.text("//oai:error/@code")).isEqualTo(code);
        assertThat(x.text("//oai:error")).isNotBlank();
        assertThat(x.text("//oai:request")).endsWith("/oai");
        if (bareRequest) {
            assertThat(x.text("count(//oai:request/@*)")).isEqualTo("0");
        } else {
            assertThat(x.text("//oai:request/@verb")).isNotEmpty();
        }
    }
}
