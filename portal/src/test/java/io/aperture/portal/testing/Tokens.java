package io.aperture.portal.testing;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the test realm's Keycloak (the demo users and the harvester's service account). */
public final class Tokens {
    private record Token(String value, long fetchedAt) {
        boolean fresh() {
            return System.currentTimeMillis() - fetchedAt < 5 * 60_000; // realm lifespan is 15 min
        }
    }

    private static final ConcurrentHashMap<String, Token> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    private static String tokenUrl() {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.api.auth-server-url", String.class);
        return issuer + "/protocol/openid-connect/token";
    }

    private static String cached(String key, java.util.function.Supplier<String> fetch) {
        return CACHE.compute(key, (k, t) -> t != null && t.fresh() ? t : new Token(fetch.get(), System.currentTimeMillis())).value();
    }

    /** Password grant through the public CLI client (enabled in the local realm only). */
    public static String user(String username) {
        return cached("user:" + username, () -> RestAssured.given()
                .formParam("grant_type", "password").formParam("client_id", "aperture-cli")
                .formParam("username", username).formParam("password", username)
                .post(tokenUrl()).then().statusCode(200).extract().path("access_token"));
    }

    /** Client credentials of the harvester's service account. */
    public static String harvester() {
        return service("aperture-harvester", "harvester-secret");
    }

    /** Client credentials of the user office's feed (role {@code user-office}): the only machine that imports proposals. */
    public static String userOffice() {
        return service("aperture-user-office", "user-office-secret");
    }

    /** Client credentials of the metrics scraper's service account (role {@code monitoring}). */
    public static String monitoring() {
        return service("aperture-monitoring", "monitoring-secret");
    }

    private static String service(String client, String secret) {
        return cached(client, () -> RestAssured.given()
                .formParam("grant_type", "client_credentials").formParam("client_id", client)
                .formParam("client_secret", secret)
                .post(tokenUrl()).then().statusCode(200).extract().path("access_token"));
    }
}
