package io.aperture.catalogue.ingest;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

import java.sql.SQLException;
import java.util.Set;

/**
 * Failures that mean "a concurrent transaction got there first", after which the same record can simply be applied
 * again: an optimistic version check, a serialization failure, a deadlock, or a unique key taken by a row committed
 * in the meantime.
 */
public final class ConcurrencyConflict {
    /** PostgreSQL SQLSTATEs: serialization_failure, deadlock_detected, unique_violation. */
    private static final Set<String> STATES = Set.of("40001", "40P01", "23505");

    private ConcurrencyConflict() {
    }

    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
