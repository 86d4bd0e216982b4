package io.aperture.catalogue.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * Catalogue events for archives and pipelines ({@code aperture.events.*}, docs/operations.md): what happened in the
 * catalogue, published to an AMQP 1.0 address. Off without a broker URL.
 */
@ConfigMapping(prefix = "aperture.events")
public interface EventsConfig {
    /** The broker, {@code amqp://host:port} or {@code amqps://host:port}; no events without it. */
    Optional<String> amqpUrl();

    /** The address (a multicast topic on Artemis) the events go to. */
    @WithDefault("aperture.events")
    String address();

    /** The broker account allowed to send to the address. */
    Optional<String> user();

    /** Its password; never given a default. */
    Optional<String> password();

    /** How often the publisher sends what the audit log gained ({@code off}: this instance publishes nothing). */
    @WithDefault("5s")
    String publishInterval();

    /** Events sent per run at most. */
    @WithDefault("500")
    int batchSize();
}
