package io.aperture.catalogue.api;

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
        return SqlStates.inChain(failure, QUERY_CANCELED::equals);
    }
}
