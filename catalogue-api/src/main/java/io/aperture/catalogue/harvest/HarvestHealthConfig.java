package io.aperture.catalogue.harvest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The harvest health reports ({@code aperture.harvest-health.*}, docs/operations.md config reference). */
@ConfigMapping(prefix = "aperture.harvest-health")
public interface HarvestHealthConfig {
    /** Events one report may carry; a larger one is a 400. */
    @WithDefault("500")
    int maxEvents();

    /** Rows kept per kind; older ones are deleted when a report arrives. */
    @WithDefault("1000")
    int keepPerKind();
}
