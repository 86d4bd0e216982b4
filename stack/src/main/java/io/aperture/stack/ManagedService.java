package io.aperture.stack;

import java.util.Optional;

/**
 * One service of the stack. {@code start} returns once the service answers; {@code close} stops it and all it spawned,
 * may be called from another thread while {@code start} is still waiting (that makes {@code start} fail quickly), and
 * may be called more than once.
 */
sealed interface ManagedService extends AutoCloseable permits PostgresService, OpenSearchService, KeycloakService, BrokerService {
    StackService kind();

    void start();

    /** The service's own OS process once started (PostgreSQL's postmaster, the JVMs); empty for the broker. */
    Optional<ProcessHandle> process();

    @Override
    void close();
}
