package io.aperture.portal.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.stack.SearchCredentials;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stack's OpenSearch node as the tests of a multi-node cluster look at it: its REST API, read directly (the test
 * server's first search host) with the account the test server uses, for the cluster's health and Aperture's indexes.
 */
public final class SearchCluster {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String host;
    private final Optional<SearchCredentials> account;

    private SearchCluster(String host, Optional<SearchCredentials> account) {
        this.host = host;
        this.account = account;
    }

    /** The node the test server talks to, with its account (none when the configuration names none). */
    public static SearchCluster ofTestServer() {
        Config config = ConfigProvider.getConfig();
        Optional<String> user = config.getOptionalValue("quarkus.hibernate-search-orm.elasticsearch.username", String.class);
        Optional<String> password = config.getOptionalValue("quarkus.hibernate-search-orm.elasticsearch.password", String.class);
        return new SearchCluster(config.getValue("quarkus.hibernate-search-orm.elasticsearch.hosts", String.class).split(",")[0],
                user.map(u -> new SearchCredentials(u, password.orElse(""))));
    }

    /** Another node (another stack's), with the given account. */
    public static SearchCluster at(String host, SearchCredentials account) {
        return new SearchCluster(host, Optional.of(account));
    }

    /** The account this node answers, for a data node joining its cluster. */
    public SearchCredentials account() {
        return account.orElseThrow(() -> new IllegalStateException("the test server's configuration names no search account"));
    }

    /** A REST Assured request to the node the test server talks to, carrying its account. */
    public static RequestSpecification engine() {
        return ofTestServer().request();
    }

    /** A REST Assured request to this node, carrying its account; paths are relative to the node. */
    public RequestSpecification request() {
        RequestSpecification r = RestAssured.given().baseUri("http://" + host);
        account.ifPresent(a -> r.header("Authorization", a.authorization()));
        return r;
    }

    private HttpRequest.Builder to(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + host + path)).timeout(Duration.ofSeconds(10));
        account.ifPresent(a -> b.header("Authorization", a.authorization()));
        return b;
    }

    /** A GET answered with 200, its body read. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(to(path).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s: %s", path, r.body()).isEqualTo(200);
        return Records.JSON.readTree(r.body());
    }

    /** Makes what was written to an index searchable now. */
    public void refresh(String index) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(to("/" + index + "/_refresh").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("refresh %s: %s", index, r.body()).isEqualTo(200);
    }

    /** The transport address (host:port) of the cluster's only node, for a data node to join; fails if it has more. */
    public String singleNodeTransport() throws IOException, InterruptedException {
        JsonNode nodes = get("/_cat/nodes?format=json&h=ip,port");
        assertThat(nodes).as("the stack's single node").hasSize(1);
        return nodes.get(0).path("ip").asText() + ":" + nodes.get(0).path("port").asText();
    }

    /** Waits for two nodes and every replica placed, then checks that Aperture's indexes carry one replica each. */
    public void awaitGreenWithTwoNodes() throws IOException, InterruptedException {
        awaitHealth(2, "green", Duration.ofMinutes(2));
        List<JsonNode> indexes = new ArrayList<>();
        get("/_cat/indices?format=json&h=index,rep").forEach(i -> {
            if (i.path("index").asText().startsWith("dataset")) {
                indexes.add(i);
            }
        });
        assertThat(indexes).as("Aperture's indexes").isNotEmpty()
                .allSatisfy(i -> assertThat(i.path("rep").asText()).as(i.path("index").asText()).isEqualTo("1"));
    }

    /** Waits for one node left, its replicas unplaced and every primary served. */
    public void awaitYellowWithOneNode() {
        awaitHealth(1, "yellow", Duration.ofMinutes(1));
    }

    private void awaitHealth(int nodes, String status, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode health = get("/_cluster/health");
            assertThat(health.path("number_of_nodes").asInt()).isEqualTo(nodes);
            assertThat(health.path("status").asText()).isEqualTo(status);
        });
    }
}
