package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.LogicalBackup;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.SearchCluster;
import io.aperture.portal.testing.ServerProcess;
import io.aperture.portal.testing.Tokens;
import io.aperture.stack.EmbeddedStack;
import io.aperture.stack.Ports;
import io.aperture.stack.StackEndpoints;
import io.aperture.stack.StackService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * Backup and restore (issue #14): the catalogue database backed up while the server runs, restored into a fresh
 * PostgreSQL, a server from the production artifact started on it with an empty search engine of its own, the index
 * rebuilt from the database — and that server gives the same search answers as the original (anonymous and staff:
 * totals, hits, facet counts, released and embargoed records), its index holds exactly the database's datasets, and
 * the audit hash chain verifies. The backup is {@link LogicalBackup} (this machine's PostgreSQL binaries have no
 * pg_dump); production uses pg_dump, docs/operations.md.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class BackupRestoreIT {

    /** What a search answers that must survive a restore: total, hits in order, facet counts. */
    private static Map<String, Object> answer(RequestSpecification request, Map<String, String> query) {
        var json = request.queryParams(query).queryParam("sort", "title").queryParam("size", "100").get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", json.getInt("total"));
        out.put("pids", json.getList("hits.pid"));
        out.put("access", json.getList("hits.accessState"));
        out.put("facets", json.getMap("facets"));
        return out;
    }

    private static Map<String, Map<String, Object>> answers(Supplier<RequestSpecification> server, String tag) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        out.put("anonymous", answer(server.get(), Map.of("q", tag)));
        out.put("staff", answer(server.get().auth().oauth2(Tokens.user("staff")), Map.of("q", tag)));
        out.put("staff, a parameter range", answer(server.get().auth().oauth2(Tokens.user("staff")),
                Map.of("q", tag, "param", "wavelength:0.8:2.2:angstrom")));
        return out;
    }

    private static long count(StackEndpoints db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.dbUser(), db.dbPassword());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aBackupRestoredIntoAFreshInstanceAnswersTheSameAfterAnIndexRebuild(@TempDir Path dir) throws Exception {
        String tag = "bkp" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ObjectNode[] records = new ObjectNode[6];
        for (int i = 0; i < records.length; i++) {
            // half released at ingest (produced before the embargo period), half under embargo
            Instant produced = i % 2 == 0 ? Instant.now().minus(Duration.ofDays(3 * 365 + 100 + i)) : Instant.now().minus(Duration.ofDays(10 + i));
            records[i] = Records.withProposal(Records.record(tag + " scan " + i, produced), "BK" + tag.substring(3, 9), "BK" + tag.substring(3, 9) + "-1");
            Records.withParameter(records[i], "/entry/instrument/monochromator/wavelength", 0.5 + i * 0.4, "angstrom",
                    (0.5 + i * 0.4) * 1e-10, "m");
        }
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(records).toString())
                .post("/api/ingest/records").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.user("staff"))
                .queryParam("q", tag).get("/api/search").then().statusCode(200).body("total", is(records.length)));
        Map<String, Map<String, Object>> original = answers(() -> given(), tag);
        assertThat(original.get("anonymous").get("total")).as("the released half").isEqualTo(3);
        assertThat(original.get("staff, a parameter range").get("total")).as("0.9 to 2.1 Å").isEqualTo(4);

        Config config = ConfigProvider.getConfig();
        Path backup = dir.resolve("backup");
        Files.createDirectories(backup);
        long exported = LogicalBackup.export(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class), backup);

        EmbeddedStack fresh = EmbeddedStack.builder(dir.resolve("fresh")).only(EnumSet.of(StackService.POSTGRES, StackService.OPENSEARCH))
                .postgresPort(Ports.free()).searchPort(Ports.free()).searchHeap("256m").fastUnsafeDisk(true).build();
        ServerProcess restored = null;
        try {
            StackEndpoints services = fresh.start();
            long loaded = LogicalBackup.restore(backup, services.jdbcUrl(), services.dbUser(), services.dbPassword(),
                    "postgres", "postgres");
            assertThat(loaded).as("every row backed up is restored").isEqualTo(exported);
            long datasets = count(services, "SELECT count(*) FROM dataset");

            restored = ServerProcess.start("restored", Map.of("quarkus.datasource.jdbc.url", services.jdbcUrl(),
                    "quarkus.datasource.username", services.dbUser(), "quarkus.datasource.password", services.dbPassword(),
                    "quarkus.hibernate-search-orm.elasticsearch.hosts", services.searchHosts(),
                    "quarkus.hibernate-search-orm.elasticsearch.username", services.searchCredentials().user(),
                    "quarkus.hibernate-search-orm.elasticsearch.password", services.searchCredentials().password()));
            restored.awaitReady();
            ServerProcess server = restored;
            server.request().auth().oauth2(Tokens.user("staff")).post("/api/staff/index/rebuild").then().statusCode(202);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    server.request().auth().oauth2(Tokens.user("staff")).get("/api/staff/index/rebuild").then()
                            .statusCode(200).body("state", is("DONE")));

            // what the rebuild queued again drains through the outbox; then every answer is the original's
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(answers(server::request, tag)).isEqualTo(original));
            SearchCluster engine = SearchCluster.at(services.searchHosts(), services.searchCredentials());
            engine.request().post("/dataset-read/_refresh").then().statusCode(200);
            assertThat(((Number) engine.request().get("/dataset-read/_count").then().statusCode(200).extract()
                    .path("count")).longValue()).as("the index holds exactly the database's datasets").isEqualTo(datasets);
            server.request().auth().oauth2(Tokens.user("staff")).get("/api/staff/audit/verify").then().statusCode(200)
                    .body("intact", is(true));
        } finally {
            if (restored != null) {
                restored.stop();
            }
            fresh.close();
        }
    }
}
