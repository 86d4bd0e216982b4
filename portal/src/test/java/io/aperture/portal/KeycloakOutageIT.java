package io.aperture.portal;

import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.ServerProcess;
import io.aperture.portal.testing.TcpRelay;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * Keycloak down under a running server (issue #14): public search, the search page and public landing pages keep
 * working, and "Log in" answers a page of the site saying sign-in is unavailable (503, never a 500 nor a redirect to
 * a dead address) within seconds; when Keycloak answers again, sign-in works again without a restart. The server is
 * one more production-artifact process reaching the stack's Keycloak through a relay this test cuts, so the shared Keycloak is
 * never stopped.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class KeycloakOutageIT {

    private static Response login(ServerProcess server) {
        return server.request().redirects().follow(false).accept("text/html").get("/login");
    }

    @Test
    void publicPagesWorkAndSignInSaysItIsUnavailableWhileKeycloakIsDown() {
        String tag = "kco" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        URI issuer = URI.create(ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class));
        // released at ingest: produced longer ago than the embargo period; sent through the test's own server
        String pid = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(Records.record(tag + " public scan", Instant.now().minus(Duration.ofDays(3 * 365 + 200))))
                        .toString()).post("/api/ingest/records")
                .then().statusCode(200).body("results[0].status", is("CREATED")).extract().path("results[0].datasetPid");

        try (TcpRelay keycloak = TcpRelay.to(issuer.getPort())) {
            String relayed = issuer.toString().replace(":" + issuer.getPort() + "/", ":" + keycloak.port() + "/");
            ServerProcess server = ServerProcess.start("keycloak-outage",
                    Map.of("quarkus.oidc.auth-server-url", relayed, "quarkus.oidc.api.auth-server-url", relayed));
            try {
                server.awaitReady();
                Response up = login(server);
                assertThat(up.statusCode()).isEqualTo(302);
                assertThat(up.header("Location")).startsWith(relayed + "/protocol/openid-connect/auth");

                keycloak.cut();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> server.request().queryParam("q", tag)
                        .get("/api/search").then().statusCode(200).body("total", is(1)).body("hits[0].pid", is(pid)));
                Response page = server.request().accept("text/html").queryParam("q", tag).get("/");
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.asString()).contains(tag + " public scan");
                Response landing = server.request().accept("text/html").get("/datasets/" + pid);
                assertThat(landing.statusCode()).isEqualTo(200);
                assertThat(landing.asString()).contains(tag + " public scan");

                // the realm's state is probed at most once per 5 s (RealmProbe): noticed within that, and a 2 s probe
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(login(server).statusCode()).isEqualTo(503));
                Response down = login(server);
                assertThat(down.statusCode()).as(down.asString()).isEqualTo(503);
                assertThat(down.contentType()).startsWith("text/html");
                assertThat(down.asString()).contains("Signing in is not possible at the moment")
                        .contains("Searching the catalogue and the public dataset pages work as usual")
                        .doesNotContain(relayed);

                keycloak.resume();
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(login(server).statusCode()).isEqualTo(302));
                Response again = login(server);
                assertThat(again.statusCode()).isEqualTo(302);
                assertThat(again.header("Location")).startsWith(relayed + "/protocol/openid-connect/auth");
                assertThat(server.isAlive()).isTrue();
            } finally {
                server.stop();
            }
        }
    }
}
