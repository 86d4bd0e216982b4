package io.aperture.harvester.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Bearer tokens from an OpenID Connect provider (Keycloak) by the OAuth2 client-credentials grant, cached until near expiry. */
public final class TokenSource {
    private final HttpClient http;
    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private String token;
    private Instant expires = Instant.MIN;

    /** @param issuer the realm URL, e.g. http://127.0.0.1:8180/realms/aperture */
    public TokenSource(HttpClient http, String issuer, String clientId, String clientSecret, Clock clock) {
        this.http = http;
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.tokenEndpoint = URI.create(base + "/protocol/openid-connect/token");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    public synchronized String token() throws IOException, InterruptedException {
        if (token == null || !clock.instant().isBefore(expires)) {
            fetch();
        }
        return token;
    }

    /** Forgets the cached token, e.g. after the server answered 401. */
    public synchronized void invalidate() {
        token = null;
    }

    private void fetch() throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret);
        HttpRequest req = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() != 200) {
            throw new TokenException("token endpoint " + tokenEndpoint + " answered " + resp.statusCode(), resp.statusCode());
        }
        JsonNode body = json.readTree(resp.body());
        if (!body.hasNonNull("access_token")) {
            throw new TokenException("token endpoint " + tokenEndpoint + " gave no access_token", 200);
        }
        token = body.get("access_token").asText();
        long lifetime = body.path("expires_in").asLong(60);
        // renew a little early so a token never expires in flight
        expires = clock.instant().plusSeconds(Math.max(1, lifetime - Math.min(30, lifetime / 2)));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The provider refused; status 5xx is worth retrying, 4xx (bad secret) is not. */
    public static final class TokenException extends IOException {
        private final int status;

        TokenException(String message, int status) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
