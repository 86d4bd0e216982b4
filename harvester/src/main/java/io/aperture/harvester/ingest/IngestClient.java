package io.aperture.harvester.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.record.HarvestRecord;
import io.aperture.record.RecordJson;
import io.aperture.harvester.health.HealthEvent;
import io.aperture.harvester.health.HealthSink;
import io.aperture.harvester.scan.RecordSink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts batches to {@code POST {server}/api/ingest/records} with a bearer token. Connection errors, 429 and 5xx are
 * retried with exponential backoff; a 401 refreshes the token once; a 413 is a {@link TooLarge} (the caller splits the
 * batch); other 4xx fail the batch at once.
 */
public final class IngestClient implements RecordSink, HealthSink {
    private final HttpClient http;
    private final URI endpoint;
    private final URI userOffice;
    private final URI health;
    private final TokenSource tokens;
    private final Backoff backoff;
    private final ObjectMapper json = RecordJson.mapper();

    public IngestClient(HttpClient http, String server, TokenSource tokens, Backoff backoff) {
        this.http = http;
        String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        this.endpoint = URI.create(base + "/api/ingest/records");
        this.userOffice = URI.create(base + "/api/ingest/user-office");
        this.health = URI.create(base + "/api/ingest/harvest-health");
        this.tokens = tokens;
        this.backoff = backoff;
    }

    @Override
    public List<Result> send(List<HarvestRecord> batch) throws SinkException {
        byte[] body;
        try {
            ObjectNode envelope = json.createObjectNode();
            envelope.set("records", json.valueToTree(batch));
            body = json.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new SinkException("cannot serialise batch: " + e.getMessage(), e);
        }
        return results(post(endpoint, body), batch.size());
    }

    /** Reports files harvested and what could not be catalogued (docs/api.md "Harvest health"). */
    @Override
    public void report(long harvested, List<HealthEvent> events) throws SinkException {
        ObjectNode body = json.createObjectNode();
        body.put("harvested", harvested);
        ArrayNode list = body.putArray("events");
        for (HealthEvent e : events) {
            list.addObject().put("kind", e.kind().name()).put("subject", e.subject())
                    .put("reason", e.reason() == null || e.reason().isBlank() ? "(no reason given)" : e.reason())
                    .put("at", e.at().toString());
        }
        try {
            post(health, json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new SinkException("cannot serialise the harvest health report: " + e.getMessage(), e);
        }
    }

    /**
     * Sends proposals, visits and members to the user-office import (docs/api.md#user-office-import) and returns its
     * answer: one result per proposal.
     */
    public JsonNode importUserOffice(JsonNode proposals) throws SinkException {
        try {
            return json.readTree(post(userOffice, json.writeValueAsBytes(proposals)));
        } catch (IOException e) {
            throw new SinkException("unreadable answer from " + userOffice + ": " + e.getMessage(), e);
        }
    }

    /** POSTs the JSON body with the harvester's token, retrying outages and 429s with the back-off; the 200 answer's body. */
    private String post(URI uri, byte[] body) throws SinkException {
        String lastProblem = null;
        boolean refreshed = false;
        for (int attempt = 0; attempt < backoff.maxAttempts(); attempt++) {
            if (attempt > 0) {
                try {
                    backoff.sleeper().sleep(backoff.delay(attempt - 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SinkException("interrupted while waiting to retry", e);
                }
            }
            try {
                HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + tokens.token())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
                int status = resp.statusCode();
                if (status == 200) {
                    return resp.body();
                }
                lastProblem = uri + " answered " + status;
                if (status == 401 && !refreshed) {
                    tokens.invalidate();
                    refreshed = true;
                    continue;
                }
                if (status == 413) {
                    throw new TooLarge(lastProblem + " (request body of " + body.length + " bytes too large)");
                }
                if (status == 400) {
                    throw new Refused(lastProblem + ": " + abbreviate(resp.body()));
                }
                if (status != 429 && status < 500) {
                    throw new SinkException(lastProblem + ": " + abbreviate(resp.body()), null);
                }
            } catch (TokenSource.TokenException e) {
                lastProblem = e.getMessage();
                if (e.status() < 500) {
                    throw new SinkException(lastProblem, e);
                }
            } catch (IOException e) {
                lastProblem = "cannot reach " + uri + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SinkException("interrupted", e);
            }
        }
        throw new SinkException(lastProblem + " (gave up after " + backoff.maxAttempts() + " attempts)", null);
    }

    private List<Result> results(String body, int expected) throws SinkException {
        try {
            JsonNode root = json.readTree(body);
            JsonNode arr = root.path("results");
            List<Result> out = new ArrayList<>(expected);
            for (int i = 0; i < expected; i++) {
                JsonNode r = null;
                for (JsonNode n : arr) {
                    if (n.path("index").asInt(-1) == i) {
                        r = n;
                        break;
                    }
                }
                if (r == null) {
                    out.add(new Result(false, "MISSING", "no result for record " + i));
                } else {
                    String status = r.path("status").asText("");
                    String error = r.hasNonNull("error") ? r.get("error").asText() : null;
                    out.add(new Result(!status.equals("REJECTED") && !status.isEmpty(), status, error));
                }
            }
            return out;
        } catch (IOException e) {
            throw new SinkException("unreadable answer from " + endpoint + ": " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : (s.length() > 300 ? s.substring(0, 300) + "..." : s);
    }
}
