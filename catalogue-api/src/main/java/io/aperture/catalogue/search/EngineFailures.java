package io.aperture.catalogue.search;

import org.elasticsearch.client.ResponseException;
import org.hibernate.search.util.common.SearchException;
import org.hibernate.search.util.common.SearchTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tells an engine outage (answer 503, retry later) from an engine refusal (a defect in our query). */
final class EngineFailures {
    /** At a line start: a query text cannot fake it (JSON escapes newlines). */
    private static final Pattern ENGINE_STATUS = Pattern.compile("(?m)^Response: (\\d{3}) '");
    private static final int LOGGED_LENGTH = 500;

    private EngineFailures() {
    }

    /** Timed out, unreachable, or answered 429 (overloaded, circuit breaker) or 5xx: worth a retry later. */
    static boolean engineUnavailable(SearchException e) {
        if (e instanceof SearchTimeoutException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof SearchTimeoutException) {
                return true;
            }
            // Hibernate Search reports the engine's answer as "Response: <status> '<reason>' from ..."
            Matcher m = t.getMessage() == null ? null : ENGINE_STATUS.matcher(t.getMessage());
            if (m != null && m.find()) {
                return retryable(Integer.parseInt(m.group(1)));
            }
        }
        return false;
    }

    /**
     * The same for a failure of the engine's low-level client, called directly ({@link RankedSearch}): unreachable, cut
     * off, timed out, cancelled, or answered 429 or 5xx.
     */
    static boolean clientUnavailable(Exception e) {
        if (e instanceof ResponseException r) {
            return retryable(r.getResponse().getStatusLine().getStatusCode());
        }
        return e instanceof IOException || e instanceof UncheckedIOException || e instanceof TimeoutException
                || e instanceof CancellationException;
    }

    /** An engine's answer worth a retry later: overloaded (429, circuit breaker) or failing (5xx). */
    static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /** The engine's message, cut for the log (it quotes the whole request, access filter included: log only). */
    static String forLog(Exception e) {
        String message = e.getMessage();
        return message == null || message.length() <= LOGGED_LENGTH ? message : message.substring(0, LOGGED_LENGTH) + "…";
    }
}
