package io.aperture.portal.secrets;

import io.aperture.catalogue.tokens.TokenConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Refuses to start a server whose secrets are still the development values published in this repository (the
 * defaults of {@code application.properties} and {@link OaiConfig}): anyone could then forge session cookies, OAI
 * resumption tokens or log in to the database. So too with the mock mailer, which would swallow every notice. Allowed only with {@link SecretsConfig#allowDevelopmentDefaults()}.
 */
public class PublicDefaultSecrets {
    private static final Logger LOG = Logger.getLogger(PublicDefaultSecrets.class);

    /** A secret, the environment variable that sets it, and its public development value. */
    record Secret(String key, String variable, String publicValue) {
        /** Whether {@code value} is the public one; for a switch, any spelling the configuration reads as true. */
        boolean heldBy(String value) {
            if (publicValue.equals("true")) {
                return TRUTHY.contains(value.trim().toLowerCase(Locale.ROOT));
            }
            return publicValue.equals(value);
        }
    }

    private static final Set<String> TRUTHY = Set.of("true", "1", "yes", "y", "on");

    /** The values are those {@code application.properties} falls back to; {@code PublicDefaultSecretsTest} keeps them equal. */
    static final List<Secret> SECRETS = List.of(
            new Secret("quarkus.oidc.credentials.secret", "APERTURE_OIDC_SECRET", "portal-secret"),
            new Secret("quarkus.oidc.token-state-manager.encryption-secret", "APERTURE_SESSION_SECRET",
                    "aperture-local-session-secret-change-me-0123456789"),
            new Secret("quarkus.datasource.password", "APERTURE_DB_PASSWORD", "aperture"),
            new Secret("aperture.tokens.secret", "APERTURE_TOKEN_SECRET", TokenConfig.DEVELOPMENT_SECRET),
            // not a secret but as dangerous a default: the mock mailer writes every notice (addresses, embargo dates,
            // decisions) to the log and counts it delivered, so a PI never hears that the extension window opened
            new Secret("quarkus.mailer.mock", "APERTURE_MAIL_MOCK", "true"));

    void check(@Observes StartupEvent start, Config config, SecretsConfig secrets) {
        List<Secret> exposed = inUse(key -> config.getOptionalValue(key, String.class));
        if (exposed.isEmpty()) {
            return;
        }
        if (!secrets.allowDevelopmentDefaults()) {
            throw new IllegalStateException(refusal(exposed));
        }
        LOG.warnf("running with public development secrets (%s): acceptable on the embedded stack only",
                String.join(", ", exposed.stream().map(Secret::key).toList()));
    }

    /** The secrets whose configured value is their public development value. */
    static List<Secret> inUse(Function<String, Optional<String>> configured) {
        return SECRETS.stream().filter(s -> configured.apply(s.key()).map(s::heldBy).orElse(false)).toList();
    }

    static String refusal(List<Secret> exposed) {
        return "refusing to start: " + String.join(", ", exposed.stream()
                .map(s -> s.key() + " (" + s.variable() + ")").toList())
                + " still hold the public development value; set real secrets, or APERTURE_DEVELOPMENT_SECRETS=true"
                + " on a throw-away local stack only";
    }
}
