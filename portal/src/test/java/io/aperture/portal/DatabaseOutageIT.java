package io.aperture.portal;

import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.ServerProcess;
import io.aperture.portal.testing.Tokens;
import io.aperture.stack.EmbeddedStack;
import io.aperture.stack.Ports;
import io.aperture.stack.StackEndpoints;
import io.aperture.stack.StackService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * PostgreSQL stopped under a running server and started again (issue #14): meanwhile the API answers 503 in its JSON
 * error shape, pages a 503 page, readiness is DOWN and liveness UP (a load balancer takes the server out, nothing
 * restarts it), search still answers from the index; afterwards the same server process answers again by itself, and
 * nothing sent during the outage was kept. The server is one more production-artifact process on a PostgreSQL of
 * this test's own, so the shared stack's database is never stopped.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class DatabaseOutageIT {
    private static final Instant LONG_AGO = Instant.now().minus(Duration.ofDays(3 * 365 + 200));

    private static String ingest(ServerProcess server, String title) {
        return server.request().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(Records.record(title, LONG_AGO)).toString()).post("/api/ingest/records")
                .then().statusCode(200).body("results[0].status", is("CREATED")).extract().path("results[0].datasetPid");
    }

    private static void assertDatabaseUnavailable(Response r) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.header("Retry-After")).isEqualTo("10");
        assertThat(r.jsonPath().getInt("error.statusCode")).isEqualTo(503);
        assertThat(r.jsonPath().getString("error.name")).isEqualTo("ServiceUnavailableError");
        assertThat(r.jsonPath().getString("error.code")).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(r.asString()).doesNotContain("127.0.0.1").doesNotContain("SQL");
    }

    private static List<String> titles(StackEndpoints db, String tag) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.dbUser(), db.dbPassword());
             PreparedStatement ps = c.prepareStatement("SELECT title FROM dataset WHERE title LIKE ?")) {
            ps.setString(1, tag + " %");
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    @Test
    void aPostgresRestartIsA503MeanwhileAndTheSameServerRecovers(@TempDir Path dir) throws SQLException {
        String tag = "dbo" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        EmbeddedStack postgres = EmbeddedStack.builder(dir.resolve("pg")).only(EnumSet.of(StackService.POSTGRES))
                .postgresPort(Ports.free()).fastUnsafeDisk(true).build();
        StackEndpoints db = postgres.start();
        ServerProcess server = ServerProcess.start("db-outage", Map.of("quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.dbUser(), "quarkus.datasource.password", db.dbPassword(),
                // its dataset ids would overwrite other datasets' documents in the stack's shared index
                "aperture.index.outbox.poll-interval", "off"));
        try {
            server.awaitReady();
            String before = ingest(server, tag + " before the outage");
            server.request().get("/datasets/" + before).then().statusCode(200);

            postgres.close();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertDatabaseUnavailable(server.request().get("/api/Instruments")));
            assertDatabaseUnavailable(server.request().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                    .body(Records.batch(Records.record(tag + " during the outage", LONG_AGO)).toString())
                    .post("/api/ingest/records"));
            Response page = server.request().accept("text/html").get("/datasets/" + before);
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.asString()).contains("Temporarily unavailable").doesNotContain("SQL");
            server.request().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"));
            // search reads the index only
            server.request().queryParam("q", "scan").get("/api/search").then().statusCode(200);
            server.request().get("/q/health/live").then().statusCode(200);

            postgres.start();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    server.request().get("/q/health/ready").then().statusCode(200));
            assertThat(server.isAlive()).as("recovered without a restart").isTrue();
            server.request().get("/datasets/" + before).then().statusCode(200);
            server.request().get("/api/Instruments").then().statusCode(200);
            String after = ingest(server, tag + " after the outage");
            assertThat(after).isNotEqualTo(before);
            // nothing of the refused batch was kept: only the records before and after the outage exist
            assertThat(titles(db, tag)).containsExactlyInAnyOrder(tag + " before the outage", tag + " after the outage");
        } finally {
            server.stop();
            postgres.close();
        }
    }
}
