package io.aperture.harvester.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** A loopback Keycloak token endpoint plus the catalogue ingest endpoint, scripted per test. */
final class FakeCatalogue implements AutoCloseable {
    final HttpServer server;
    final List<JsonNode> batches = new ArrayList<>();
    /** The harvest health reports received (docs/api.md "Harvest health"). */
    final List<JsonNode> healthReports = new ArrayList<>();
    volatile int healthStatus = 200;
    final List<String> authorizations = new ArrayList<>();
    final List<String> tokenForms = new ArrayList<>();
    final AtomicInteger ingestCalls = new AtomicInteger();
    /** Status for the n-th ingest call (0-based); 200 answers CREATED (or what {@link #statusFor} says) per record. */
    volatile IntFunction<Integer> ingestStatus = n -> 200;
    volatile IntFunction<String> statusFor = i -> "CREATED";
    /** A body larger than this is answered 413, as the catalogue does above its request limit. */
    volatile int maxBody = Integer.MAX_VALUE;
    private final ObjectMapper json = new ObjectMapper();

    FakeCatalogue() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/aperture/protocol/openid-connect/token", this::token);
        server.createContext("/api/ingest/records", this::ingest);
        server.createContext("/api/ingest/harvest-health", this::health);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String oidc() {
        return url() + "/realms/aperture";
    }

    private void token(HttpExchange ex) throws IOException {
        String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (this) {
            tokenForms.add(form);
        }
        if (!form.contains("grant_type=client_credentials") || !form.contains("client_secret=harvester-secret")) {
            reply(ex, 401, "{\"error\":\"unauthorized_client\"}");
            return;
        }
        reply(ex, 200, "{\"access_token\":\"tok-1\",\"expires_in\":300,\"token_type\":\"Bearer\"}");
    }

    private void ingest(HttpExchange ex) throws IOException {
        int n = ingestCalls.getAndIncrement();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        byte[] body = ex.getRequestBody().readAllBytes();
        int status = ingestStatus.apply(n);
        if (!"Bearer tok-1".equals(auth)) {
            reply(ex, 401, "{}");
            return;
        }
        if (status != 200) {
            reply(ex, status, "{\"error\":\"scripted\"}");
            return;
        }
        if (body.length > maxBody) {
            reply(ex, 413, "{\"error\":\"too large\"}");
            return;
        }
        JsonNode batch = json.readTree(body);
        synchronized (this) {
            batches.add(batch);
            authorizations.add(auth);
        }
        StringBuilder sb = new StringBuilder("{\"results\":[");
        for (int i = 0; i < batch.get("records").size(); i++) {
            String st = statusFor.apply(i);
            sb.append(i == 0 ? "" : ",").append("{\"index\":").append(i).append(",\"status\":\"").append(st)
                    .append("\",\"datasetPid\":\"pid-").append(i).append("\"")
                    .append(st.equals("REJECTED") ? ",\"error\":\"scripted rejection\"" : "").append("}");
        }
        reply(ex, 200, sb.append("]}").toString());
    }

    private void health(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        if (!"Bearer tok-1".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            reply(ex, 401, "{}");
            return;
        }
        if (healthStatus != 200) {
            reply(ex, healthStatus, "{\"error\":\"scripted\"}");
            return;
        }
        JsonNode report = json.readTree(body);
        synchronized (this) {
            healthReports.add(report);
        }
        reply(ex, 200, "{\"stored\":" + report.path("events").size() + "}");
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
