package io.aperture.catalogue.api;

import java.sql.SQLException;
import java.util.function.Predicate;

/** The SQLSTATEs of a failure: Hibernate and the pool wrap the driver's exception, so the whole cause chain is read. */
public final class SqlStates {
    private SqlStates() {
    }

    /** Whether some {@link SQLException} in {@code failure}'s cause chain has a state {@code state} accepts. */
    public static boolean inChain(Throwable failure, Predicate<String> state) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && state.test(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
