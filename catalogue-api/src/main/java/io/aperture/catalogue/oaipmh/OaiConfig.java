package io.aperture.catalogue.oaipmh;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The OAI-PMH endpoint ({@code aperture.oai.*}); the repository name comes from the facility's name. */
@ConfigMapping(prefix = "aperture.oai")
public interface OaiConfig {
    /** The domain-like name in {@code oai:NAME:pid} identifiers. */
    @WithDefault("aperture.local")
    String repositoryIdentifier();

    /** The repository administrator's address (Identify). */
    @WithDefault("catalogue@aperture.local")
    String adminEmail();

    /** Records per list response, 1 to 10000. */
    @WithDefault("100")
    int pageSize();

    /** The default {@link #tokenSecret()}: for the embedded stack only, public in this source. */
    String DEVELOPMENT_TOKEN_SECRET = "aperture-local-oai-token-secret-dev-only-change-me";

    /**
     * The HMAC key that signs resumption tokens ({@code APERTURE_OAI_TOKEN_SECRET}), at least 32 characters and the same
     * on every server instance. The default is the public development value {@link #DEVELOPMENT_TOKEN_SECRET}.
     */
    @WithDefault("${APERTURE_OAI_TOKEN_SECRET:" + DEVELOPMENT_TOKEN_SECRET + "}")
    String tokenSecret();
}
