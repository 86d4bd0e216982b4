package io.aperture.catalogue.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Keeping the search index equal to the database ({@code aperture.index.*}): the outbox, its health, rebuilds. */
@ConfigMapping(prefix = "aperture.index")
public interface IndexConfig {
    Outbox outbox();

    Health health();

    Rebuild rebuild();

    interface Outbox {
        /** How often the outbox indexer looks for queued changes. */
        @WithDefault("1s")
        String pollInterval();

        /** Datasets indexed per outbox transaction. */
        @WithDefault("500")
        int batchSize();
    }

    interface Health {
        /** {@code /q/health/well} is DOWN when the oldest queued change is older than this. */
        @WithDefault("PT5M")
        Duration maxLag();
    }

    interface Rebuild {
        /** Mass-indexer loader threads of a rebuild. */
        @WithDefault("1")
        int loadThreads();

        /** Entities per mass-indexer batch. */
        @WithDefault("100")
        int batchSize();
    }
}
