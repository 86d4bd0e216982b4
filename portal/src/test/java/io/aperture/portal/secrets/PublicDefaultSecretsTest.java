package io.aperture.portal.secrets;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PublicDefaultSecretsTest {

    @Test
    void everyPublicDevelopmentValueInUseIsFoundAndNamedWithItsVariable() {
        Map<String, String> development = Map.of(
                "quarkus.oidc.credentials.secret", "portal-secret",
                "quarkus.datasource.password", "aperture",
                "quarkus.oidc.token-state-manager.encryption-secret", "a-real-secret-of-enough-length-0123456789");
        var exposed = PublicDefaultSecrets.inUse(key -> Optional.ofNullable(development.get(key)));
        assertThat(exposed).extracting(PublicDefaultSecrets.Secret::key)
                .containsExactly("quarkus.oidc.credentials.secret", "quarkus.datasource.password");
        assertThat(PublicDefaultSecrets.refusal(exposed)).startsWith("refusing to start: ")
                .contains("quarkus.oidc.credentials.secret (APERTURE_OIDC_SECRET)")
                .contains("quarkus.datasource.password (APERTURE_DB_PASSWORD)")
                .doesNotContain("portal-secret");
    }

    @Test
    void theMockMailerIsFoundWhateverTheSpellingOfTrue() {
        for (String on : new String[] {"true", "TRUE", "1", "yes", "on"}) {
            assertThat(PublicDefaultSecrets.inUse(k -> k.equals("quarkus.mailer.mock") ? Optional.of(on) : Optional.empty()))
                    .as(on).extracting(PublicDefaultSecrets.Secret::key).containsExactly("quarkus.mailer.mock");
        }
        assertThat(PublicDefaultSecrets.inUse(k -> k.equals("quarkus.mailer.mock") ? Optional.of("false") : Optional.empty())).isEmpty();
    }

    @Test
    void realSecretsAndUnsetKeysPass() {
        assertThat(PublicDefaultSecrets.inUse(key -> Optional.of("something-else-entirely"))).isEmpty();
        assertThat(PublicDefaultSecrets.inUse(key -> Optional.empty())).isEmpty();
    }

    /** The values checked are exactly the fallbacks application.properties gives the variables. */
    @Test
    void theCheckedValuesAreTheFallbacksOfApplicationProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            assertThat(in).as("application.properties on the class path").isNotNull();
            properties.load(in);
        }
        Pattern fallback = Pattern.compile("\\$\\{(\\w+):(.*)}");
        for (PublicDefaultSecrets.Secret secret : PublicDefaultSecrets.SECRETS) {
            if (secret.key().startsWith("aperture.")) {
                continue; // an aperture.* default lives in its @ConfigMapping (OaiConfig), which the list reads
            }
            String value = properties.getProperty(secret.key());
            assertThat(value).as(secret.key()).isNotNull();
            Matcher m = fallback.matcher(value);
            assertThat(m.matches()).as("%s = %s", secret.key(), value).isTrue();
            assertThat(m.group(1)).as(secret.key()).isEqualTo(secret.variable());
            assertThat(m.group(2)).as(secret.key()).isEqualTo(secret.publicValue());
        }
    }
}
