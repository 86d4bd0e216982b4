package io.aperture.portal;

import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Whether the realm answers its discovery document, asked at most once per {@code window} however many people press
 * "Log in" (and once while a probe is under way): anonymous requests to {@code /login} must not turn into as many
 * requests to Keycloak, nor fill the log while it is down. The window is measured on a monotonic clock, not the
 * wall clock: a clock set back (or a test's shifted clock) must not keep an old answer.
 */
final class RealmProbe {
    private static final Logger LOG = Logger.getLogger(RealmProbe.class);

    private final HttpClient http;
    private final URI discovery;
    private final Duration timeout;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private CompletableFuture<Boolean> last;
    private long probedAt;

    RealmProbe(URI discovery, Duration timeout, Duration window, LongSupplier nanoTime) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.discovery = discovery;
        this.timeout = timeout;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Completes with whether the realm answered the latest probe; never fails. */
    synchronized CompletionStage<Boolean> answers() {
        long now = nanoTime.getAsLong();
        if (last != null && (!last.isDone() || now - probedAt < windowNanos)) {
            return last;
        }
        probedAt = now;
        HttpRequest probe = HttpRequest.newBuilder(discovery).timeout(timeout).GET().build();
        last = http.sendAsync(probe, HttpResponse.BodyHandlers.discarding()).handle((answer, failure) -> {
            boolean up = failure == null && answer.statusCode() == 200;
            if (!up) {
                LOG.warnf("sign-in refused until the realm answers: its discovery document at %s %s", discovery,
                        failure == null ? "answered " + answer.statusCode() : "did not answer (" + failure + ")");
            }
            return up;
        });
        return last;
    }
}
