package io.aperture.catalogue.panosc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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

    /**
     * The longest one PaNOSC statement may run in PostgreSQL (whole seconds, at least one). Anonymous filters can
     * combine includes, patterns and orders into a statement that ranks millions of rows; past this the driver cancels
     * it and the caller gets a 503 with Retry-After, as for a search the engine does not answer in time, instead of a
     * connection and a worker held for minutes. A federated page takes milliseconds; the costliest measured include
     * (every instrument with one dataset each, 1 000 000 datasets) 1.7 s warm, 8.5 s cold.
     */
    @WithDefault("PT10S")
    Duration statementTimeout();
}
