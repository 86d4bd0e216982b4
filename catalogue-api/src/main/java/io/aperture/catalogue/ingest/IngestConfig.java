package io.aperture.catalogue.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The ingest API ({@code aperture.ingest.*}); the request body limit is {@code quarkus.http.limits.max-body-size}. */
@ConfigMapping(prefix = "aperture.ingest")
public interface IngestConfig {
    /** Records per ingest request. */
    @WithDefault("500")
    int maxBatch();
}
