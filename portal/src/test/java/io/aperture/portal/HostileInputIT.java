package io.aperture.portal;

import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Issue #15, "Found": every hostile request that once answered 500 (or an empty or broken body), as one table of real
 * requests against the running server, each with the exact status and the text its answer must hold. Every row is run
 * and every mismatch reported together, so one run shows the state of the whole table.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class HostileInputIT {
    private static final String JSON_400 = "{\"error\":{\"statusCode\":400,\"name\":\"BadRequestError\",\"message\":";
    private static final String OAI_BAD_ARGUMENT = "<error code=\"badArgument\">";

    /** What came back: the status and the body as text. */
    record Answer(int status, String body) {
        static Answer of(Response r) {
            return new Answer(r.statusCode(), r.asString());
        }
    }

    /** A request that may fail with an I/O error (which the row then reports). */
    interface Request {
        Answer send(RequestSpecification r) throws IOException;
    }

    /** A hostile request, the status it must get, and texts its body must contain. */
    record Row(String what, Request request, int status, List<String> contains, List<String> mustNotContain) {
        Row(String what, Function<RequestSpecification, Response> request, int status, String... contains) {
            this(what, r -> Answer.of(request.apply(r)), status, List.of(contains), List.of());
        }

        static Row raw(String what, String head, int status, String... contains) {
            return new Row(what, r -> rawHttp(head), status, List.of(contains), List.of());
        }

        Row without(String... texts) {
            return new Row(what, request, status, contains, List.of(texts));
        }
    }

    /**
     * Requests the framework refuses before any resource sees them (too long a request line or headers, too large a
     * body announced): written on a socket, because an HTTP client cannot send them or gives up when the server
     * answers before reading the body.
     */
    private static Answer rawHttp(String head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            // the answer's head, then as many bytes as it announces: the server need not close the connection
            InputStream in = socket.getInputStream();
            StringBuilder headers = new StringBuilder();
            while (headers.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed after: " + cut(headers.toString()));
                }
                headers.append((char) b);
            }
            Matcher status = Pattern.compile("^HTTP/1\\.[01] (\\d{3}) ").matcher(headers);
            if (!status.find()) {
                throw new IOException("not an HTTP answer: " + cut(headers.toString()));
            }
            Matcher length = Pattern.compile("(?im)^content-length: *(\\d+)").matcher(headers);
            byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
            return new Answer(Integer.parseInt(status.group(1)), new String(body, StandardCharsets.UTF_8));
        }
    }

    /** A GET of a path exactly as written (percent escapes and all). */
    private static Response raw(RequestSpecification r, String path) {
        return r.urlEncodingEnabled(false).get(path);
    }

    private static List<Row> rows() {
        String staff = Tokens.user("staff");
        String harvester = Tokens.harvester();
        String far = "+999999999-12-31T00:00:00Z";
        String farInUrl = "%2B999999999-12-31T00:00:00Z"; // a raw "+" in a query string is a space
        String code = "cm" + (10_000_000 + (int) (Math.random() * 89_999_999));
        return List.of(
                // NUL in identifiers: unknown, like any other identifier that does not exist
                new Row("NUL in a landing page pid", r -> raw(r.accept(ContentType.HTML), "/datasets/DLS-0000%000000"), 404),
                new Row("NUL in a DataCite export pid", r -> raw(r, "/api/datasets/DLS-0000%000000/datacite"), 404),
                new Row("NUL in a DOI landing page", r -> raw(r.accept(ContentType.HTML), "/doi/10.5555/ab%00cd"), 404),
                new Row("NUL in a citation style", r -> raw(r.accept("text/x-bibliography"), "/datasets/DLS-0000?style=apa%00x"), 400),
                new Row("NUL in a citation locale", r -> raw(r.accept("text/x-bibliography"), "/datasets/DLS-0000?locale=en%00"), 400),
                new Row("a 1000-character citation style", r -> raw(r.accept("text/x-bibliography"),
                        "/datasets/DLS-0000?style=" + "a".repeat(1000)), 400),
                new Row("NUL in an OAI GetRecord identifier",
                        r -> raw(r, "/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:x:a%00b"), 200, OAI_BAD_ARGUMENT),
                new Row("NUL in an OAI ListMetadataFormats identifier",
                        r -> raw(r, "/oai?verb=ListMetadataFormats&identifier=oai:x:a%00b"), 200, OAI_BAD_ARGUMENT),
                new Row("NUL in a staff audit filter", r -> raw(r.auth().oauth2(staff), "/api/staff/audit?actor=x%00y"), 400,
                        JSON_400 + "\"actor: contains a control character (U+0000) at position 1\""),
                // dates beyond the years 1-9999
                new Row("far OAI from", r -> raw(r, "/oai?verb=ListRecords&metadataPrefix=oai_dc&from=" + farInUrl), 200, OAI_BAD_ARGUMENT),
                new Row("far OAI until", r -> raw(r, "/oai?verb=ListRecords&metadataPrefix=oai_dc&until=" + farInUrl), 200, OAI_BAD_ARGUMENT),
                new Row("far audit filter date", r -> raw(r.auth().oauth2(staff), "/api/staff/audit?from=" + farInUrl), 400,
                        JSON_400 + "\"from: must be between the years 1 and 9999\""),
                new Row("Accept without a slash on a landing page", r -> raw(r.header("Accept", "foo"), "/datasets/DLS-0000"), 400,
                        "Accept must be a list of media types"),
                new Row("Accept without a slash on an unknown DOI", r -> raw(r.header("Accept", "text"), "/doi/10.5555/none"), 400,
                        "Accept must be a list of media types"),
                // whole-number parameters: a 400 naming them, where the framework answered a bare 404
                new Row("an audit limit that is no number", r -> raw(r.auth().oauth2(staff), "/api/staff/audit?limit=abc"), 400,
                        JSON_400 + "\"limit: must be a whole number from 1 to 50000\""),
                new Row("a harvest-health limit written 1e9", r -> raw(r.auth().oauth2(staff), "/api/staff/harvest-health?kind=REFUSED&limit=1e9"),
                        400, "limit: must be a whole number from 1 to"),
                new Row("a DOI outbox limit beyond a long", r -> raw(r.auth().oauth2(staff), "/api/staff/doi/outbox?limit=99999999999999999999"),
                        400, "limit: must be a whole number from 1 to"),
                new Row("far search day", r -> raw(r, "/api/search?to=%2B999999999-12-31"), 400,
                        JSON_400 + "\"to: must be a day between the years 1 and 9999\""),
                new Row("year 0 search day", r -> raw(r, "/api/search?from=0000-06-01"), 400,
                        JSON_400 + "\"from: must be a day between the years 1 and 9999\""),
                new Row("far search day on the portal page", r -> raw(r.accept(ContentType.HTML), "/?to=%2B999999999-12-31"), 400),
                new Row("the last search day", r -> raw(r, "/api/search?from=0001-01-01&to=9999-12-31"), 200, "\"total\":"),
                new Row("21 parameter ranges", r -> raw(r, "/api/search?" + "param=a::1&".repeat(21)), 400,
                        JSON_400 + "\"param: at most 20 parameter ranges may be given\""),
                new Row("harvest report with NUL and a far date", r -> r.auth().oauth2(harvester).contentType(ContentType.JSON)
                        .body("{\"events\": [{\"kind\": \"REFUSED\", \"subject\": \"a\\u0000b\", \"reason\": \"r\", \"at\": \"2026-01-01T00:00:00Z\"}]}")
                        .post("/api/ingest/harvest-health"), 400, "events[0].subject: contains a control character (U+0000)"),
                new Row("harvest report with a far date", r -> r.auth().oauth2(harvester).contentType(ContentType.JSON)
                        .body("{\"events\": [{\"kind\": \"REFUSED\", \"subject\": \"s\", \"reason\": \"r\", \"at\": \"" + far + "\"}]}")
                        .post("/api/ingest/harvest-health"), 400, "events[0].at: must be between the years 1 and 9999"),
                // the user-office import: NUL, over-long text and far dates refuse that proposal by field
                new Row("user-office import with NUL, long text and a far date", r -> r.auth().oauth2(Tokens.userOffice())
                        .contentType(ContentType.JSON).body("""
                                {"proposals": [{"code": "%sa", "title": "a\\u0000b"},
                                  {"code": "%sb", "title": "%s"},
                                  {"code": "%sc", "visits": [{"code": "%sc-1", "start": "%s"}]}]}"""
                                .formatted(code, code, "t".repeat(2001), code, code, far))
                        .post("/api/ingest/user-office"), 200,
                        "\"error\":\"proposals[0].title: contains a control character (U+0000) at position 1\"",
                        "\"error\":\"proposals[1].title: is longer than 2000 characters\"",
                        "\"error\":\"proposals[2].visits[0].start: must be between the years 1 and 9999\""),
                // malformed form encoding
                new Row("%zz in the OAI POST form", r -> r.contentType(ContentType.URLENC).body("verb=ListRecords&metadataPrefix=%zz")
                        .post("/oai"), 200, OAI_BAD_ARGUMENT),
                // search text the engine would refuse
                new Row("fuzzy term", r -> r.queryParam("q", "qz~2").get("/api/search"), 200, "\"total\":"),
                new Row("fuzzy wildcard", r -> r.queryParam("q", "a*~2").get("/api/search"), 200, "\"total\":"),
                new Row("500-character wildcard", r -> r.queryParam("q", "a*".repeat(250)).get("/api/search"), 200, "\"total\":"),
                new Row("500-character leading wildcard", r -> r.queryParam("q", "*" + "ab".repeat(249) + "*").get("/api/search"),
                        200, "\"total\":"),
                new Row("501 characters of search text", r -> r.queryParam("q", "a".repeat(501)).get("/api/search"), 400,
                        JSON_400 + "\"q: is longer than 500 characters\",\"field\":\"q\""),
                new Row("fuzzy term on the portal page", r -> r.queryParam("q", "qz~2").accept(ContentType.HTML).get("/"), 200),
                // units
                new Row("unit m^99999", r -> r.queryParam("param", "wavelength:1::m^99999").get("/api/search"), 400,
                        "\"code\":\"UNIT_OUT_OF_RANGE\""),
                new Row("value 1e308 km", r -> r.queryParam("param", "wavelength:1e308::km").get("/api/search"), 400,
                        "\"code\":\"UNIT_OUT_OF_RANGE\""),
                // ingest: a date the database cannot hold is the record's fault, named by field, no exception text
                new Row("ingest of a far production date", r -> r.auth().oauth2(harvester).contentType(ContentType.JSON)
                        .body(Records.batch(Records.record("Far " + UUID.randomUUID(), Instant.parse("2024-01-01T00:00:00Z"))
                                .put("producedAt", far)).toString())
                        .post("/api/ingest/records"), 200, "\"status\":\"REJECTED\"", "\"field\":\"producedAt\"",
                        "\"error\":\"producedAt: must be between the years 1 and 9999\"").without("Exception"),
                // framework answers under /api in the documented JSON shape
                new Row("405 on /api", r -> r.delete("/api/search"), 405,
                        "{\"error\":{\"statusCode\":405,\"name\":\"MethodNotAllowedError\""),
                new Row("415 on /api", r -> r.auth().oauth2(harvester).contentType(ContentType.TEXT).body("records")
                        .post("/api/ingest/records"), 415, "{\"error\":{\"statusCode\":415,\"name\":\"UnsupportedMediaTypeError\""),
                Row.raw("413 on /api", "POST /api/ingest/records HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + harvester
                        + "\r\nContent-Type: application/json\r\nContent-Length: 40000000\r\nConnection: close\r\n\r\n", 413,
                        "{\"error\":{\"statusCode\":413,\"name\":\"PayloadTooLargeError\""),
                // the request line and headers are limited by the application (RequestHeadLimits), with a body
                Row.raw("414 on /api", "GET /api/search?q=" + "x".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                        414, "{\"error\":{\"statusCode\":414,\"name\":\"URITooLongError\"", "4096 characters"),
                Row.raw("431 on /api", "GET /api/search HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "x".repeat(30_000)
                        + "\r\nConnection: close\r\n\r\n", 431, "{\"error\":{\"statusCode\":431,\"name\":\"RequestHeaderFieldsTooLargeError\""),
                Row.raw("414 on a page", "GET /?q=" + "x".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n",
                        414, "Address too long", "<header"),
                Row.raw("a request line just within the limit", "GET /api/search?q=" + "x".repeat(4_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                        400, "\"field\":\"q\""), // past the head limits: the search's own refusal
                // Beyond Vert.x's codec backstop (64 KiB, docs/security.md): refused before any route runs, without a
                // body. The rows pin the status, so a change of the framework shows here.
                Row.raw("414 beyond the backstop", "GET /api/search?q=" + "x".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                        414),
                Row.raw("431 beyond the backstop", "GET /api/search HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "x".repeat(70_000)
                        + "\r\nConnection: close\r\n\r\n", 431));
    }

    @Test
    void everyHostileRequestGetsItsExactAnswer() {
        SoftAssertions soft = new SoftAssertions();
        for (Row row : rows()) {
            Answer answer;
            try {
                answer = row.request().send(given().redirects().follow(false));
            } catch (IOException | RuntimeException e) {
                soft.fail("%s: %s", row.what(), e);
                continue;
            }
            String body = answer.body();
            soft.assertThat(answer.status()).as("%s: status (body %s)", row.what(), cut(body)).isEqualTo(row.status());
            for (String text : row.contains()) {
                soft.assertThat(body).as("%s: body", row.what()).contains(text);
            }
            for (String text : row.mustNotContain()) {
                soft.assertThat(body).as("%s: body", row.what()).doesNotContain(text);
            }
        }
        soft.assertAll();
    }

    @Test
    void controlCharactersInAnOaiRequestStillGiveWellFormedXml() throws Exception {
        String body = given().urlEncodingEnabled(false).get("/oai?verb=Harvest%01%00%1B").then().statusCode(200)
                .extract().asString();
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(body)));
        assertThat(document.getElementsByTagName("error").item(0).getAttributes()
                .getNamedItem("code").getNodeValue()).isEqualTo("badVerb");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        SoftAssertions soft = new SoftAssertions();
        List<Response> answers = List.of(
                given().accept(ContentType.HTML).get("/"),
                given().accept(ContentType.HTML).get("/datasets/DLS-0000"),
                given().get("/api/search"),
                given().queryParam("size", "0").get("/api/search"),
                given().get("/aperture.css"),
                given().get("/oai?verb=Identify"),
                given().get("/q/health/ready"));
        for (Response r : answers) {
            String what = r.statusCode() + " " + r.contentType();
            soft.assertThat(r.header("Content-Security-Policy")).as(what)
                    .isEqualTo("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
            soft.assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            soft.assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("same-origin");
            soft.assertThat(r.header("X-Frame-Options")).as(what).isEqualTo("DENY");
            soft.assertThat(r.header("Strict-Transport-Security")).as(what).isEqualTo("max-age=31536000");
        }
        soft.assertAll();
    }

    @Test
    void healthFiguresAreForStaffTheProbesSayUpOrDown() {
        given().get("/q/health/well").then().statusCode(401);
        given().get("/q/health").then().statusCode(401);
        given().auth().oauth2(Tokens.user("researcher")).get("/q/health/well").then().statusCode(403);
        String ready = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertThat(ready).contains("\"status\": \"UP\"").doesNotContain("backlog").doesNotContain("pending");
        String well = given().auth().oauth2(Tokens.user("staff")).get("/q/health/well").then().extract().asString();
        assertThat(well).contains("\"backlog\"").contains("\"pending\"");
        // the trailing-slash forms are guarded alike, and a monitoring token is read there too (not sent to sign in)
        for (String path : List.of("/q/health/", "/q/health/well/")) {
            given().redirects().follow(false).get(path).then().statusCode(401);
            given().redirects().follow(false).auth().oauth2(Tokens.monitoring()).get(path).then().statusCode(200)
                    .body(containsString("\"status\""));
        }
    }

    /** The OpenAPI UI goes without the content security policy: unless asked for (the embedded stack), it is not served. */
    @Test
    void theApiDocumentIsServedAndTheUiWithoutThePolicyIsNotUnlessAskedFor() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/search:"));
        for (String path : List.of("/q/swagger-ui", "/q/swagger-ui/", "/q/swagger-ui/index.html")) {
            given().redirects().follow(false).get(path).then().statusCode(404);
        }
    }

    private static String cut(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
