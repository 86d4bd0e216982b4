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
}
