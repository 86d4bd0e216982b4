package io.aperture.stack.datacite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A local stand-in for the DataCite REST API ({@code PUT /dois/{doi}}), on WireMock: <b>not DataCite</b>. It is what
 * the tests register DOIs with, and what {@code ./aperture start} runs so that the demo shows the whole DOI
 * lifecycle ({@link LocalDataCiteMain}); a DOI "registered" here exists nowhere else. It checks every request as
 * DataCite would and answers 4xx when one is wrong: basic auth of the configured {@link Account}, the JSON:API shape
 * ({@code data.type = "dois"}, {@code data.id} and {@code attributes.doi} equal to the DOI of the path, under the
 * account's prefix; {@code event} one of publish/register/hide), and the base64 {@code xml} valid against the
 * DataCite 4.6 XSD (read from {@code kernelDir}; nothing is fetched) and naming the same DOI. It keeps each DOI's
 * state with DataCite's transitions (a new DOI without event is a draft; register: draft → registered; publish:
 * draft or registered → findable; hide: findable → registered) and every state change, and it can be told to fail the
 * next calls (500s), to refuse them (422) or to answer them only after a delay (a timeout for the client — the change
 * is applied all the same, as when an answer is lost on the way back).
 */
public class LocalDataCite implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The repository the stand-in accepts calls for: its prefix and basic-auth credentials. */
    public record Account(String prefix, String repository, String password) {}

    /** One call as received, with what the stand-in made of it. */
    public record Call(String doi, JsonNode body, String xml, int status, String problem) {
        public String event() {
            return body.path("data").path("attributes").path("event").asText(null);
        }
    }

    /** A state change of one DOI: {@code from} is "none" for a new DOI. */
    public record Change(String doi, String from, String to) {}

    private final Account account;
    private final Schema schema;
    private final WireMockServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Change> changes = new CopyOnWriteArrayList<>();
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger slowCalls = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile int delayMillis;

    /**
     * Starts a stand-in on {@code port} (0: a free one) of the loopback interface.
     *
     * @param kernelDir the DataCite 4.6 kernel folder (with {@code metadata.xsd} and its includes)
     */
    public LocalDataCite(int port, Path kernelDir, Account account) {
        this.account = account;
        this.schema = compile(kernelDir);
        var config = wireMockConfig().bindAddress("127.0.0.1").extensions(new Checker());
        server = new WireMockServer(port == 0 ? config.dynamicPort() : config.port(port));
        server.start();
        server.stubFor(any(urlPathMatching("/.*")).willReturn(aResponse().withStatus(404)));
    }

    private static Schema compile(Path kernelDir) {
        Path xsd = kernelDir.resolve("metadata.xsd");
        if (!Files.isRegularFile(xsd)) {
            throw new IllegalStateException("DataCite 4.6 schema not found at " + xsd);
        }
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // relative includes only: nothing is fetched from the network
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return f.newSchema(xsd.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("DataCite 4.6 schema at " + xsd + " does not compile: " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The next {@code n} calls are answered 500 and change nothing. */
    public void failNext(int n) {
        failures.set(n);
    }

    /** The next {@code n} calls are refused with 422 (as DataCite refuses metadata it does not accept). */
    public void refuseNext(int n) {
        refusals.set(n);
    }

    /** The next {@code n} calls are applied but answered only after {@code millis}. */
    public void delayNext(int n, int millis) {
        delayMillis = millis;
        slowCalls.set(n);
    }

    /** Forgets calls, changes and failures (the DOIs' states are kept, as at DataCite). */
    public void reset() {
        calls.clear();
        changes.clear();
        failures.set(0);
        slowCalls.set(0);
        refusals.set(0);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> callsFor(String doi) {
        return calls.stream().filter(c -> doi.equalsIgnoreCase(c.doi())).toList();
    }

    public List<Change> changesOf(String doi) {
        return changes.stream().filter(c -> doi.equalsIgnoreCase(c.doi())).toList();
    }

    /** draft, registered, findable, or "none" when DataCite has no such DOI. */
    public String state(String doi) {
        return states.getOrDefault(doi.toLowerCase(), "none");
    }

    private final class Checker implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return "datacite-stand-in";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            // decoded as DataCite's router decodes it
            String path = URI.create(request.getUrl()).getPath();
            if (!path.startsWith("/dois/")) {
                return answer(404, "not a DataCite route: " + path, 0);
            }
            String doi = path.substring("/dois/".length());
            JsonNode body;
            try {
                body = JSON.readTree(request.getBodyAsString());
            } catch (Exception e) {
                body = JSON.createObjectNode();
            }
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                calls.add(new Call(doi, body, null, 500, "told to fail"));
                return answer(500, "{\"errors\":[{\"status\":\"500\",\"title\":\"stand-in outage\"}]}", 0);
            }
            if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                calls.add(new Call(doi, body, null, 422, "told to refuse"));
                return answer(422, "{\"errors\":[{\"status\":\"422\",\"title\":\"stand-in refuses: publisher can't be blank\"}]}", 0);
            }
            String expectedAuth = "Basic " + Base64.getEncoder().encodeToString(
                    (account.repository() + ":" + account.password()).getBytes(StandardCharsets.UTF_8));
            String problem = null;
            String xml = null;
            if (!"PUT".equals(request.getMethod().getName())) {
                problem = "method " + request.getMethod().getName() + " (the client updates by DOI with PUT)";
            } else if (!expectedAuth.equals(request.getHeader("Authorization"))) {
                calls.add(new Call(doi, body, null, 401, "bad credentials"));
                return answer(401, "{\"errors\":[{\"status\":\"401\",\"title\":\"Bad credentials.\"}]}", 0);
            } else if (!request.contentTypeHeader().mimeTypePart().equals("application/vnd.api+json")) {
                problem = "content type " + request.contentTypeHeader().mimeTypePart();
            } else {
                problem = shapeProblem(doi, body);
                if (problem == null && body.path("data").path("attributes").has("xml")) {
                    try {
                        xml = new String(Base64.getDecoder().decode(body.path("data").path("attributes").path("xml").asText()),
                                StandardCharsets.UTF_8);
                        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
                        if (!xml.toLowerCase().contains(">" + doi.toLowerCase() + "</identifier>")) {
                            problem = "the XML identifier is not " + doi;
                        }
                    } catch (IllegalStateException e) {
                        throw e;
                    } catch (Exception e) {
                        problem = "xml: " + e.getMessage();
                    }
                }
            }
            if (problem != null) {
                calls.add(new Call(doi, body, xml, 422, problem));
                return answer(422, JSON.createObjectNode().set("errors", JSON.createArrayNode().add(
                        JSON.createObjectNode().put("status", "422").put("title", problem))).toString(), 0);
            }
            String from = states.getOrDefault(doi.toLowerCase(), "none");
            String to = next(from, body.path("data").path("attributes").path("event").asText(""),
                    body.path("data").path("attributes").has("xml"));
            if (to == null) {
                calls.add(new Call(doi, body, xml, 422, "cannot " + body.path("data").path("attributes").path("event").asText() + " a new DOI without metadata"));
                return answer(422, "{\"errors\":[{\"status\":\"422\",\"title\":\"metadata missing\"}]}", 0);
            }
            synchronized (states) {
                states.put(doi.toLowerCase(), to);
                if (!to.equals(from)) {
                    changes.add(new Change(doi, from, to));
                }
            }
            int status = "none".equals(from) ? 201 : 200;
            calls.add(new Call(doi, body, xml, status, null));
            int delay = slowCalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? delayMillis : 0;
            return answer(status, JSON.createObjectNode().set("data", JSON.createObjectNode().put("id", doi).put("type", "dois")
                    .set("attributes", JSON.createObjectNode().put("doi", doi).put("state", to))).toString(), delay);
        }
    }

    /** DataCite's state machine; null when the call cannot be applied. */
    private static String next(String from, String event, boolean hasMetadata) {
        return switch (event) {
            case "" -> "none".equals(from) ? "draft" : from;
            case "register" -> "none".equals(from) && !hasMetadata ? null : "draft".equals(from) || "none".equals(from) ? "registered" : from;
            case "publish" -> "none".equals(from) && !hasMetadata ? null : "findable";
            case "hide" -> "findable".equals(from) ? "registered" : "none".equals(from) ? null : from;
            default -> null;
        };
    }

    private String shapeProblem(String doi, JsonNode body) {
        JsonNode data = body.path("data");
        if (!data.isObject()) {
            return "no data object";
        }
        if (!"dois".equals(data.path("type").asText())) {
            return "data.type is not dois";
        }
        if (!doi.equalsIgnoreCase(data.path("id").asText())) {
            return "data.id is not the DOI of the path";
        }
        JsonNode a = data.path("attributes");
        if (!doi.equalsIgnoreCase(a.path("doi").asText())) {
            return "attributes.doi is not the DOI of the path";
        }
        if (!doi.startsWith(account.prefix() + "/")) {
            return "DOI outside the repository's prefix";
        }
        Set<String> allowed = Set.of("doi", "event", "url", "xml");
        for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                return "unexpected attribute " + name;
            }
        }
        if (a.has("event") && !Set.of("publish", "register", "hide").contains(a.path("event").asText())) {
            return "unknown event " + a.path("event").asText();
        }
        if (a.has("url") && !a.path("url").asText().matches("https?://.+")) {
            return "url is not an http(s) URL";
        }
        List<String> needMetadata = new ArrayList<>(List.of("publish", "register"));
        if (needMetadata.contains(a.path("event").asText()) && (!a.has("xml") || !a.has("url"))) {
            return a.path("event").asText() + " without xml and url";
        }
        return null;
    }

    private static ResponseDefinition answer(int status, String body, int delayMillis) {
        ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/vnd.api+json").withBody(body);
        if (delayMillis > 0) {
            b = b.withFixedDelay(delayMillis);
        }
        return b.build();
    }
}
