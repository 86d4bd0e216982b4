package io.aperture.catalogue.api;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by PostgreSQL being unreachable (stopped, restarting, the network gone) from a defect: the
 * request was fine and may be sent again once the database is back. Recognised by the SQL state the JDBC driver
 * gives such failures (class 08, connection exception; 57P01-57P03, the server shutting down or starting up) or the
 * connection exception types, anywhere in the cause chain (Hibernate and the pool wrap them).
 */
public final class DatabaseOutage {
    /** Seconds a client is asked to wait before trying again: about a database restart. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return SqlStates.inChain(failure, state -> state.startsWith("08") || state.matches("57P0[123]"));
    }
}
