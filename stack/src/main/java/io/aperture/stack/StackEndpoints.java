package io.aperture.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to reach the running services. Fields of services that were not started are null (port 0).
 * {@link #asEnvironment()} gives the APERTURE_* variables the server and the harvester read.
 */
public record StackEndpoints(String jdbcUrl, String dbUser, String dbPassword, String searchHosts,
                             SearchCredentials searchCredentials, String keycloakUrl, String issuerUrl, String amqpHost,
                             int amqpPort, BrokerAccounts amqpAccounts) {

    static final StackEndpoints NONE = new StackEndpoints(null, null, null, null, null, null, null, null, 0, null);

    StackEndpoints withDatabase(String url, String user, String password) {
        return new StackEndpoints(url, user, password, searchHosts, searchCredentials, keycloakUrl, issuerUrl, amqpHost,
                amqpPort, amqpAccounts);
    }

    StackEndpoints withSearch(String hosts, SearchCredentials credentials) {
        return new StackEndpoints(jdbcUrl, dbUser, dbPassword, hosts, credentials, keycloakUrl, issuerUrl, amqpHost, amqpPort,
                amqpAccounts);
    }

    StackEndpoints withKeycloak(String baseUrl, String issuer) {
        return new StackEndpoints(jdbcUrl, dbUser, dbPassword, searchHosts, searchCredentials, baseUrl, issuer, amqpHost,
                amqpPort, amqpAccounts);
    }

    StackEndpoints withAmqp(String host, int port, BrokerAccounts accounts) {
        return new StackEndpoints(jdbcUrl, dbUser, dbPassword, searchHosts, searchCredentials, keycloakUrl, issuerUrl, host,
                port, accounts);
    }

    /** KEY=VALUE pairs in a fixed order, only for the services that run. */
    public Map<String, String> asEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        put(env, "APERTURE_DB_URL", jdbcUrl);
        put(env, "APERTURE_DB_USER", dbUser);
        put(env, "APERTURE_DB_PASSWORD", dbPassword);
        put(env, "APERTURE_SEARCH_HOSTS", searchHosts);
        if (searchCredentials != null) {
            put(env, "APERTURE_SEARCH_USER", searchCredentials.user());
            put(env, "APERTURE_SEARCH_PASSWORD", searchCredentials.password());
        }
        put(env, "APERTURE_KEYCLOAK_URL", keycloakUrl);
        put(env, "APERTURE_OIDC_URL", issuerUrl);
        put(env, "APERTURE_AMQP_HOST", amqpHost);
        put(env, "APERTURE_AMQP_PORT", amqpPort > 0 ? String.valueOf(amqpPort) : null);
        if (amqpAccounts != null) {
            // the harvester's account (read by harvest watch); the sender's is for acquisition systems and tests
            put(env, "APERTURE_AMQP_USER", amqpAccounts.harvesterUser());
            put(env, "APERTURE_AMQP_PASSWORD", amqpAccounts.harvesterPassword());
            put(env, "APERTURE_AMQP_SENDER_USER", amqpAccounts.senderUser());
            put(env, "APERTURE_AMQP_SENDER_PASSWORD", amqpAccounts.senderPassword());
            // the server publishes its events here (aperture.events.*); an archive subscribes with its own account
            put(env, "APERTURE_EVENTS_AMQP_URL", "amqp://" + amqpHost + ":" + amqpPort);
            put(env, "APERTURE_EVENTS_USER", amqpAccounts.catalogueUser());
            put(env, "APERTURE_EVENTS_PASSWORD", amqpAccounts.cataloguePassword());
            put(env, "APERTURE_AMQP_ARCHIVE_USER", amqpAccounts.archiveUser());
            put(env, "APERTURE_AMQP_ARCHIVE_PASSWORD", amqpAccounts.archivePassword());
        }
        // a local, throw-away stack: the server may use the public development secrets (secrets/PublicDefaultSecrets)
        env.put("APERTURE_DEVELOPMENT_SECRETS", "true");
        return env;
    }

    private static void put(Map<String, String> env, String key, String value) {
        if (value != null) {
            env.put(key, value);
        }
    }
}
