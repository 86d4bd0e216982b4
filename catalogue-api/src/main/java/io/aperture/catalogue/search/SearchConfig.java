package io.aperture.catalogue.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Search ({@code aperture.search.*}). */
@ConfigMapping(prefix = "aperture.search")
public interface SearchConfig {
    /** A search the engine has not answered by then is an outage: 503 with Retry-After. */
    @WithDefault("PT10S")
    Duration timeout();
}
