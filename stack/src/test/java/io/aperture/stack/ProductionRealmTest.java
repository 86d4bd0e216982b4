package io.aperture.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/keycloak/aperture-realm.json is the realm a facility imports: the local realm's roles, clients and mappers,
 * without its demo people, its public secrets or its password grant. Checked here so that the two cannot drift apart.
 */
class ProductionRealmTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read(String path) throws Exception {
        return JSON.readTree(Path.of(path).toFile());
    }

    private final JsonNode local = read("src/main/resources/keycloak/aperture-realm.json");
    private final JsonNode production = read("../deploy/keycloak/aperture-realm.json");

    ProductionRealmTest() throws Exception {
    }

    @Test
    void noDemoPeopleNoPublicSecretsNoPasswordGrant() {
        List<String> users = new ArrayList<>();
        production.path("users").forEach(u -> users.add(u.path("username").asText()));
        assertThat(users).containsExactlyInAnyOrder("service-account-aperture-harvester", "service-account-aperture-user-office",
                "service-account-aperture-monitoring");
        assertThat(production.path("users").findValues("credentials")).isEmpty();

        for (JsonNode c : production.path("clients")) {
            String id = c.path("clientId").asText();
            assertThat(c.path("directAccessGrantsEnabled").asBoolean(false)).as("password grant on %s", id).isFalse();
            if (!c.path("publicClient").asBoolean(false) && !c.path("bearerOnly").asBoolean(false)) {
                assertThat(c.path("secret").asText()).as("secret of %s", id).matches("\\$\\{APERTURE_[A-Z_]+_CLIENT_SECRET}");
            }
            c.path("redirectUris").forEach(u -> assertThat(u.asText()).as("redirect of %s", id)
                    .startsWith("${APERTURE_PUBLIC_URL}").doesNotContain("localhost").doesNotContain("127.0.0.1"));
        }
        assertThat(production.path("sslRequired").asText()).isIn("external", "all");
        assertThat(production.toString()).doesNotContain("-secret\"").doesNotContain("(local");
    }

    @Test
    void theSameRolesClientsAndMappersAsTheLocalRealm() {
        assertThat(production.path("realm").asText()).isEqualTo(local.path("realm").asText());
        assertThat(production.path("roles")).isEqualTo(local.path("roles"));
        assertThat(shape(production)).isEqualTo(shape(local));
        assertThat(serviceAccountRoles(production)).isEqualTo(serviceAccountRoles(local));
    }

    /** Per client: what it is and what its tokens carry, leaving out what differs by design (secrets, URLs, grants). */
    private static Map<String, String> shape(JsonNode realm) {
        Map<String, String> m = new TreeMap<>();
        for (JsonNode c : realm.path("clients")) {
            m.put(c.path("clientId").asText(), c.path("publicClient").asText() + " " + c.path("bearerOnly").asText()
                    + " " + c.path("standardFlowEnabled").asText() + " " + c.path("serviceAccountsEnabled").asText()
                    + " " + c.path("protocolMappers") + " " + c.path("attributes").path("pkce.code.challenge.method").asText()
                    + " " + c.path("attributes").path("oauth2.device.authorization.grant.enabled").asText());
        }
        return m;
    }

    private static Map<String, String> serviceAccountRoles(JsonNode realm) {
        Map<String, String> m = new TreeMap<>();
        realm.path("users").forEach(u -> {
            if (u.has("serviceAccountClientId")) {
                m.put(u.path("serviceAccountClientId").asText(), u.path("realmRoles").toString());
            }
        });
        return m;
    }
}
