package io.aperture.stack;

import java.util.Locale;

/** The services the stack can start, with the name users see and the variable that moves each one's port. */
public enum StackService {
    POSTGRES("PostgreSQL", "APERTURE_DB_PORT"),
    OPENSEARCH("OpenSearch", "APERTURE_SEARCH_PORT"),
    KEYCLOAK("Keycloak", "APERTURE_KEYCLOAK_PORT"),
    BROKER("Artemis", "APERTURE_AMQP_PORT");

    private final String label;
    private final String portVariable;

    StackService(String label, String portVariable) {
        this.label = label;
        this.portVariable = portVariable;
    }

    public String label() {
        return label;
    }

    public String portVariable() {
        return portVariable;
    }

    /** The name used on the command line ({@code --only postgres,broker}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StackService fromCliName(String name) {
        for (StackService s : values()) {
            if (s.cliName().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown service '" + name + "' (known: postgres, opensearch, keycloak, broker)");
    }
}
