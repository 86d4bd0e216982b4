package io.aperture.catalogue.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Limits on anonymous use of the search APIs ({@code aperture.rate-limit.*}): {@code /api/search} and the PaNOSC API
 * ({@code /api/datasets…}, any case), per client address. Requests with a bearer token are not limited here.
 */
@ConfigMapping(prefix = "aperture.rate-limit")
public interface RateLimitConfig {
    /** Requests one client address may make per {@link #period()}; 0 switches the limit off. */
    @WithDefault("300")
    int requests();

    /** The period whose allowance is renewed whole at its start. */
    @WithDefault("PT1M")
    Duration period();

    /** Client addresses tracked at once; beyond that the least recently seen are forgotten (and start afresh). */
    @WithDefault("100000")
    int maxClients();
}
