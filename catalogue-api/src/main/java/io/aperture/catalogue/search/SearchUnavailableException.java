package io.aperture.catalogue.search;

/**
 * The search engine did not answer a search in time, or refused it (down, overloaded, circuit breaker): the request
 * was fine and may be sent again. Answered with 503 and Retry-After; the engine's own message stays in the server
 * log, since it quotes the request, access filter included.
 */
public class SearchUnavailableException extends RuntimeException {
    /** Seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 10;

    public SearchUnavailableException(Throwable cause) {
        super("search is unavailable for a moment; please try again shortly", cause);
    }
}
