package io.aperture.catalogue.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How callers' proposal roles are read ({@code aperture.access.*}). */
@ConfigMapping(prefix = "aperture.access")
public interface AccessConfig {
    /** How long a person's proposal roles are reused before they are read again (the bound on a role change). */
    @WithDefault("PT10S")
    Duration rolesCacheTtl();

    /** How many people's roles are kept. */
    @WithDefault("10000")
    int rolesCacheSize();
}
