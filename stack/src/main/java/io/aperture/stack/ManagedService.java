package io.aperture.stack;

/**
 * One service of the stack. {@code start} returns once the service answers; {@code close} stops it and all it spawned,
 * may be called from another thread while {@code start} is still waiting (that makes {@code start} fail quickly), and
 * may be called more than once.
 */
sealed interface ManagedService extends AutoCloseable permits PostgresService, OpenSearchService, KeycloakService, BrokerService {
    StackService kind();

    void start();

    @Override
    void close();
}
