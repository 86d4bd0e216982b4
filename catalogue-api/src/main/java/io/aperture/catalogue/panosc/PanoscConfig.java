package io.aperture.catalogue.panosc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The PaNOSC search API ({@code aperture.panosc.*}). */
@ConfigMapping(prefix = "aperture.panosc")
public interface PanoscConfig {
    /**
     * Related objects one answer may attach from the database, over all its includes at every depth. Nested scopes
     * multiply (1 000 documents × 1 000 datasets × 1 000 parameters), and each object is held until the answer is
     * written: beyond this, a 400 naming the include, not a server out of memory. A federated page (50 datasets with
     * their parameters, techniques and instrument) attaches a few thousand.
     */
    @WithDefault("100000")
    int attachedMax();
}
