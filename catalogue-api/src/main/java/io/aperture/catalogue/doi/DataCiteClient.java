package io.aperture.catalogue.doi;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The one DataCite REST API call the DOI job makes: {@code PUT /dois/{doi}} with a JSON:API document, basic auth as
 * the repository. PUT by DOI creates the DOI when DataCite does not have it yet and updates it otherwise, so sending
 * a call again (after a timeout whose answer was lost, say) changes nothing: the call is idempotent.
 */
@ApplicationScoped
class DataCiteClient {
    static final String JSON_API = "application/vnd.api+json";
    /** How much of an answer is kept for staff. */
    private static final int KEPT = 2000;

    private final HttpClient http;
    private final DoiSettings settings;
    private final Duration requestTimeout;

    DataCiteClient(DoiSettings settings, DoiConfig config) {
        this.settings = settings;
        this.requestTimeout = config.http().requestTimeout();
        // HTTP/1.1: small calls one at a time; no h2c upgrade attempt on plain-http endpoints (the test stand-in)
        this.http = HttpClient.newBuilder().connectTimeout(config.http().connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** How a call ended. */
    sealed interface Answer {
        /** DataCite accepted the call (2xx). */
        record Accepted(int status) implements Answer {}

        /** Worth trying again later: 5xx, 429, a timeout or no connection. {@code status} is 0 without an answer. */
        record Retry(int status, String reason) implements Answer {}

        /** DataCite refused the call (4xx other than 429): sending it again will not help; staff must look. */
        record Refused(int status, String body) implements Answer {}
    }

    Answer put(String doi, String body) {
        URI uri = settings.apiUrl().resolve(withSlash(settings.apiUrl().getPath()) + "dois/"
                + URLEncoder.encode(doi, StandardCharsets.UTF_8).replace("%2F", "/"));
        String credentials = settings.repositoryId() + ":" + settings.password();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", JSON_API)
                .header("Accept", JSON_API)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Answer.Accepted(status);
            }
            if (status >= 500 || status == 429 || status == 408) {
                return new Answer.Retry(status, "DataCite answered " + status + ": " + clip(response.body()));
            }
            return new Answer.Refused(status, clip(response.body()));
        } catch (HttpTimeoutException e) {
            return new Answer.Retry(0, "no answer from DataCite within " + requestTimeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Answer.Retry(0, "DataCite not reachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + clip(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Retry(0, "interrupted");
        }
    }

    private static String withSlash(String path) {
        return path == null || path.isEmpty() ? "/" : path.endsWith("/") ? path : path + "/";
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > KEPT ? s.substring(0, KEPT) + "…" : s;
    }
}
