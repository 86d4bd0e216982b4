package io.aperture.stack;

import org.apache.qpid.protonj2.client.exceptions.ClientConnectionSecurityException;
import org.apache.qpid.protonj2.client.exceptions.ClientException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real stack, all four services, in a temporary folder on free ports: each service does its job, and after a
 * stop and a start on the same folder the data is still there and no process is left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedStackIT {
    private Path dir;
    private EmbeddedStack.Builder builder;
    private EmbeddedStack stack;
    private StackEndpoints endpoints;
    private List<Integer> ports;
    private int searchTransport;

    @BeforeAll
    void start(@TempDir Path tempDir) {
        dir = tempDir;
        int pg = Ports.free(), search = Ports.free(), kc = Ports.free(), amqp = Ports.free();
        ports = List.of(pg, search, kc, amqp);
        searchTransport = Ports.free();
        builder = EmbeddedStack.builder(dir.resolve("data")).postgresPort(pg).searchPort(search).searchTransportPort(searchTransport)
                .keycloakPort(kc).keycloakManagementPort(Ports.free()).amqpPort(amqp);
        stack = builder.build();
        endpoints = stack.start();
        System.out.println("cold start: " + stack.startupTimes());
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void endpointsNameEveryService() {
        assertThat(endpoints.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + ports.get(0) + "/aperture");
        assertThat(endpoints.searchHosts()).isEqualTo("127.0.0.1:" + ports.get(1));
        assertThat(endpoints.issuerUrl()).isEqualTo("http://127.0.0.1:" + ports.get(2) + "/realms/aperture");
        assertThat(endpoints.amqpPort()).isEqualTo(ports.get(3));
        assertThat(endpoints.asEnvironment()).containsKeys("APERTURE_DB_URL", "APERTURE_DB_USER", "APERTURE_DB_PASSWORD",
                "APERTURE_SEARCH_HOSTS", "APERTURE_OIDC_URL", "APERTURE_AMQP_HOST", "APERTURE_AMQP_PORT",
                "APERTURE_AMQP_USER", "APERTURE_AMQP_PASSWORD", "APERTURE_AMQP_SENDER_USER", "APERTURE_AMQP_SENDER_PASSWORD",
                "APERTURE_EVENTS_AMQP_URL", "APERTURE_EVENTS_USER", "APERTURE_EVENTS_PASSWORD", "APERTURE_AMQP_ARCHIVE_USER");
        assertThat(stack.startupTimes()).containsOnlyKeys(StackService.values());
    }

    @Test
    @Order(2)
    void postgresRunsSqlAsTheApertureUser() throws Exception {
        try (Connection c = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE survivor (id int PRIMARY KEY, name text)");
            s.execute("INSERT INTO survivor VALUES (1, 'kept')");
            try (ResultSet rs = s.executeQuery("SELECT current_user, current_database(), version()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("aperture");
                assertThat(rs.getString(2)).isEqualTo("aperture");
                assertThat(rs.getString(3)).startsWith("PostgreSQL 17.");
            }
            // the stack ./aperture start runs keeps committed data through a power cut
            try (ResultSet rs = s.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit'),"
                    + " current_setting('full_page_writes')")) {
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3))).containsOnly("on");
            }
        }
    }

    @Test
    @Order(3)
    void openSearchIsHealthyAndIndexesAndFinds() throws Exception {
        HttpResponse<String> health = Probes.search(endpoints, "GET", "/_cluster/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"cluster_name\":\"aperture\"").containsPattern("\"status\":\"(green|yellow)\"");
        assertThat(Probes.search(endpoints, "GET", "/", null).body()).contains("\"number\" : \"3.");

        assertThat(Probes.search(endpoints, "PUT", "/survivors", "{\"settings\":{\"number_of_replicas\":0}}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> put = Probes.search(endpoints, "PUT", "/survivors/_doc/1?refresh=true",
                "{\"title\":\"Tomography of a beetle\"}");
        assertThat(put.statusCode()).isEqualTo(201);
        HttpResponse<String> hits = Probes.search(endpoints, "POST", "/survivors/_search",
                "{\"query\":{\"match\":{\"title\":\"beetle\"}}}");
        assertThat(hits.body()).contains("\"_id\":\"1\"").contains("Tomography of a beetle");
    }

    @Test
    @Order(8)
    void openSearchAnswersOnlyTheStacksAccount() throws Exception {
        String host = endpoints.searchHosts();
        SearchCredentials account = endpoints.searchCredentials();
        String wrong = new SearchCredentials(account.user(), account.password() + "x").authorization();
        Set<String> refusals = new HashSet<>();
        for (String path : List.of("/", "/_cluster/health", "/survivors/_count", "/survivors/_doc/1", "/_cat/indices",
                "/_nodes/settings")) {
            for (String authorization : Arrays.asList(null, wrong, "Bearer " + account.password())) {
                HttpResponse<String> r = Probes.search(host, authorization, "GET", path, null);
                assertThat(r.statusCode()).as("%s with %s", path, authorization == null ? "no account" : authorization)
                        .isEqualTo(401);
                assertThat(r.body()).contains("\"status\":401").doesNotContain("beetle").doesNotContain("survivors");
                refusals.add(r.body());
                assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));
            }
        }
        assertThat(refusals).as("one refusal, saying nothing of what was asked").hasSize(1);
        assertThat(Probes.search(host, null, "POST", "/survivors/_search", "{\"query\":{\"match_all\":{}}}").statusCode())
                .isEqualTo(401);
        assertThat(Probes.search(host, wrong, "DELETE", "/survivors", null).statusCode()).isEqualTo(401);
        // the node keeps only a digest of the header, and never shows it
        HttpResponse<String> settings = Probes.search(endpoints, "GET", "/_nodes/settings", null);
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).doesNotContain("authorization_sha256").doesNotContain(account.password())
                .doesNotContain(account.authorizationSha256());
        // kept in the data folder for the owner only, so a restart answers the same account
        Path kept = dir.resolve("data/opensearch/search-account.properties");
        assertThat(Files.readString(kept)).contains(account.password());
        assertThat(Files.getPosixFilePermissions(kept))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        // the server is given the account
        assertThat(endpoints.asEnvironment()).containsEntry("APERTURE_SEARCH_USER", account.user())
                .containsEntry("APERTURE_SEARCH_PASSWORD", account.password());
    }

    @Test
    @Order(4)
    void keycloakIssuesTokensForTheHarvesterAndForUsers() throws Exception {
        String harvester = Probes.accessTokenClaims(endpoints.issuerUrl(), Map.of("grant_type", "client_credentials",
                "client_id", "aperture-harvester", "client_secret", "harvester-secret"));
        assertThat(harvester).containsPattern("\"realm_access\":\\{\"roles\":\\[[^]]*\"harvester\"")
                .containsPattern("\"aud\":(\"aperture-api\"|\\[[^]]*\"aperture-api\")")
                .contains("\"preferred_username\":\"service-account-aperture-harvester\"");

        String pi = Probes.accessTokenClaims(endpoints.issuerUrl(), Map.of("grant_type", "password",
                "client_id", "aperture-cli", "username", "pi", "password", "pi", "scope", "openid"));
        assertThat(pi).contains("\"preferred_username\":\"pi\"").contains("\"email\":\"pi@example.org\"")
                .containsPattern("\"realm_access\":\\{\"roles\":\\[[^]]*\"researcher\"")
                .containsPattern("\"aud\":(\"aperture-api\"|\\[[^]]*\"aperture-api\")")
                .doesNotContain("\"staff\"");

        String staff = Probes.accessTokenClaims(endpoints.issuerUrl(), Map.of("grant_type", "password",
                "client_id", "aperture-cli", "username", "staff", "password", "staff"));
        assertThat(staff).containsPattern("\"realm_access\":\\{\"roles\":\\[[^]]*\"staff\"");
    }

    @Test
    @Order(4)
    void theCliClientMayUseTheDeviceAuthorizationGrant() throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(endpoints.issuerUrl() + "/protocol/openid-connect/auth/device"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("client_id=aperture-cli")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"device_code\"").contains("\"user_code\"").contains("\"verification_uri\"");
    }

    @Test
    @Order(5)
    void keycloakRejectsAWrongPassword() {
        assertThatThrownBy(() -> Probes.accessTokenClaims(endpoints.issuerUrl(),
                        Map.of("grant_type", "password", "client_id", "aperture-cli", "username", "pi", "password", "nope")))
                .hasMessageContaining("HTTP 401");
    }

    @Test
    @Order(6)
    void artemisDeliversScanEventsOverAmqp() throws Exception {
        Probes.sendAmqp(endpoints, "aperture.scans", "scan 42 finished");
        assertThat(Probes.receiveAmqp(endpoints, "aperture.scans", Duration.ofSeconds(10))).isEqualTo("scan 42 finished");
        // a rejected message goes to the dead-letter queue, not into the void
        Probes.sendAmqp(endpoints, "aperture.scans", "{not json");
        assertThat(Probes.rejectAmqp(endpoints, "aperture.scans", Duration.ofSeconds(10))).isEqualTo("{not json");
        assertThat(Probes.receiveAmqp(endpoints, "aperture.scans.dead", Duration.ofSeconds(10))).isEqualTo("{not json");
        // one left in the durable queue for the restart test
        Probes.sendAmqp(endpoints, "aperture.scans", "scan 43 finished");
    }

    @Test
    @Order(7)
    void theBrokerLetsOnlyTheAcquisitionSideSendAndOnlyTheHarvesterConsume() throws Exception {
        BrokerAccounts a = endpoints.amqpAccounts();
        assertThat(a.senderPassword()).isNotBlank().isNotEqualTo(a.harvesterPassword()).isNotEqualTo("aperture");
        assertThat(Files.readString(dir.resolve("data/artemis/accounts.properties"))).contains(a.harvesterPassword());
        assertThat(Files.getPosixFilePermissions(dir.resolve("data/artemis/accounts.properties")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        // no account, a wrong password: the connection itself is refused
        assertThatThrownBy(() -> Probes.sendAmqp(endpoints, null, null, "aperture.scans", "anonymous scan"))
                .isInstanceOf(ClientConnectionSecurityException.class);
        assertThatThrownBy(() -> Probes.sendAmqp(endpoints, a.senderUser(), "guess", "aperture.scans", "guessed scan"))
                .isInstanceOf(ClientConnectionSecurityException.class);
        // each account only for its side
        assertThatThrownBy(() -> Probes.sendAmqp(endpoints, a.harvesterUser(), a.harvesterPassword(), "aperture.scans", "harvester's own scan"))
                .isInstanceOf(ClientException.class);
        assertThatThrownBy(() -> Probes.receiveAmqp(endpoints, a.senderUser(), a.senderPassword(), "aperture.scans", Duration.ofSeconds(2)))
                .isInstanceOf(ClientException.class);
        // the catalogue's events: the server's account sends, an archive subscribes, neither the other way round
        try (Probes.Subscription archive = Probes.subscribe(endpoints, a.archiveUser(), a.archivePassword(), "aperture.events")) {
            Probes.sendAmqp(endpoints, a.catalogueUser(), a.cataloguePassword(), "aperture.events", "{\"type\":\"released\"}");
            assertThat(archive.next(Duration.ofSeconds(10))).isEqualTo("{\"type\":\"released\"}");
        }
        assertThatThrownBy(() -> Probes.sendAmqp(endpoints, a.archiveUser(), a.archivePassword(), "aperture.events", "forged"))
                .isInstanceOf(ClientException.class);
        assertThatThrownBy(() -> Probes.receiveAmqp(endpoints, a.catalogueUser(), a.cataloguePassword(), "aperture.events", Duration.ofSeconds(2)))
                .isInstanceOf(ClientException.class);
        // and nothing refused reached the queue: the one message there is the restart test's
        Probes.sendAmqp(endpoints, "aperture.scans", "scan 44 finished");
        assertThat(Probes.receiveAmqp(endpoints, "aperture.scans", Duration.ofSeconds(10))).isEqualTo("scan 43 finished");
        assertThat(Probes.receiveAmqp(endpoints, "aperture.scans", Duration.ofSeconds(10))).isEqualTo("scan 44 finished");
        Probes.sendAmqp(endpoints, "aperture.scans", "scan 43 finished");
    }

    @Test
    @Order(9)
    void anOpenSearchNodeWithoutTheStacksAccountCannotJoinTheCluster() throws Exception {
        // a local process runs a node of its own (same version, same cluster name) and points it at the stack's
        // transport port; it is refused before any handler runs, so it neither joins nor receives a shard
        Path rogueDir = dir.resolve("rogue");
        OpenSearchService rogue = new OpenSearchService(rogueDir, Ports.free(), Ports.free(), "256m",
                rogueDir.resolve("opensearch.log"), StackArtifacts.load(), Clock.systemUTC(), rogueDir.resolve("opensearch.pid"),
                Optional.of("127.0.0.1:" + searchTransport), new SearchCredentials("aperture", "not the stack's"));
        Thread starting = Thread.ofVirtual().start(() -> {
            try {
                rogue.start();
            } catch (StackException expected) {
                // it never finds a cluster manager that answers it: closed below
            }
        });
        try {
            // the stack's node says so in its log (at most every 10 s), which is also how an operator would notice
            Path log = stack.logDir().resolve("opensearch.log");
            Instant deadline = Instant.now().plusSeconds(120);
            boolean refused = false;
            while (!refused && Instant.now().isBefore(deadline)) {
                assertThat(nodes()).as("the stack's cluster while a rogue node knocks").isEqualTo(1);
                refused = Files.readString(log).contains("refused a transport request without the stack's node header");
                Thread.sleep(1000);
            }
            assertThat(refused).as("the stack's node refused the rogue node (its log: %s)", log).isTrue();
            Thread.sleep(5000); // the rogue keeps knocking
            assertThat(nodes()).isEqualTo(1);
        } finally {
            rogue.close();
            starting.join(Duration.ofSeconds(30));
        }
    }

    private int nodes() throws Exception {
        HttpResponse<String> health = Probes.search(endpoints, "GET", "/_cluster/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("\"number_of_nodes\":(\\d+)").matcher(health.body());
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    @Order(10)
    void aRestartOnTheSameFolderKeepsTheDataAndLeavesNoProcessBehind() throws Exception {
        stack.close();
        assertNothingLeft();

        stack = builder.build();
        endpoints = stack.start();
        System.out.println("warm start: " + stack.startupTimes());

        try (Connection c = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM survivor WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        }
        HttpResponse<String> doc = Probes.search(endpoints, "GET", "/survivors/_doc/1", null);
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("Tomography of a beetle");
        assertThat(Probes.accessTokenClaims(endpoints.issuerUrl(), Map.of("grant_type", "password",
                "client_id", "aperture-cli", "username", "pi", "password", "pi"))).contains("\"preferred_username\":\"pi\"");
        assertThat(Files.readString(stack.logDir().resolve("keycloak.log"))).contains("Realm 'aperture' already exists. Import skipped");
        assertThat(Probes.receiveAmqp(endpoints, "aperture.scans", Duration.ofSeconds(10))).isEqualTo("scan 43 finished");

        stack.close();
        assertNothingLeft();
        stack = null;
    }

    private void assertNothingLeft() {
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(p -> p.pid() + " "
                + p.info().commandLine().orElse("?"))).isEmpty();
        // PostgreSQL is daemonised by pg_ctl, so it is no descendant: its pid file and its port tell instead
        assertThat(dir.resolve("data/postgres/data/postmaster.pid")).doesNotExist();
        for (int port : ports) {
            assertThat(Ports.isFree(port)).as("port %d is free again", port).isTrue();
        }
    }
}
