package io.aperture.catalogue.api;

import java.sql.SQLException;

/**
 * Tells a statement PostgreSQL cancelled because it ran past its bound (the PaNOSC filter language's
 * {@code aperture.panosc.statement-timeout}) from a defect: SQLSTATE 57014, {@code query_canceled}, anywhere in the
 * cause chain. The driver cancels on the bound; nothing else in the catalogue cancels statements.
 */
public final class StatementTimeout {
    static final String QUERY_CANCELED = "57014";

    private StatementTimeout() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
