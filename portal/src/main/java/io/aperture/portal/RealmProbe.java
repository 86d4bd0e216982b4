package io.aperture.portal;

import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
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
        last = probe();
        return last;
    }

    /**
     * One request for the discovery document, bounded as a whole by {@code timeout}: the request's own timeout ends at
     * the response's headers, so a realm (or a proxy before it) that sends them and then stalls would otherwise hold
     * the probe, and with it every sign-in, until the connection dies.
     */
    private CompletableFuture<Boolean> probe() {
        CompletableFuture<HttpResponse<Void>> sent;
        try {
            sent = http.sendAsync(HttpRequest.newBuilder(discovery).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException e) { // a discovery address the client cannot ask: a misconfiguration, answered as down
            LOG.warnf("sign-in refused: the realm's discovery document at %s cannot be asked (%s)", discovery, e);
            return CompletableFuture.completedFuture(false);
        }
        // the bound on a copy: the client's own future stays pending, so cancelling it still aborts the exchange
        return sent.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((answer, failure) -> {
            boolean up = failure == null && answer.statusCode() == 200;
            if (failure != null) {
                sent.cancel(true); // a stalled exchange is not left open
            }
            if (!up) {
                LOG.warnf("sign-in refused until the realm answers: its discovery document at %s %s", discovery,
                        failure == null ? "answered " + answer.statusCode() : "did not answer (" + failure + ")");
            }
            return up;
        });
    }
}
