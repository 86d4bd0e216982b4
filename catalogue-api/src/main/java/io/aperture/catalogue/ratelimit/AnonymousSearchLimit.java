package io.aperture.catalogue.ratelimit;

import io.aperture.catalogue.api.ApiError;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * 429 with {@code Retry-After} when one client address searches anonymously faster than {@link RateLimitConfig}
 * allows: the search engine is the shared resource a scraper or a loop would exhaust. The address is the connection's,
 * or the client's as a trusted proxy reports it when {@code quarkus.http.proxy.proxy-address-forwarding} is on.
 * Anonymous is what authentication concluded (a bearer token or a portal session), not the mere presence of a header
 * or cookie, which anyone could add.
 */
public class AnonymousSearchLimit {
    private static final Logger LOG = Logger.getLogger(AnonymousSearchLimit.class);
    static final String CODE = "RATE_LIMITED";

    private final RateLimitConfig config;
    private final ClientLimits limits;

    AnonymousSearchLimit(RateLimitConfig config) {
        this.config = config;
        this.limits = config.requests() > 0 ? new ClientLimits(config.requests(), config.period(), config.maxClients()) : null;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (limits == null || !limited(path) || request.getSecurityContext().getUserPrincipal() != null) {
            return Optional.empty();
        }
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        return limits.acquire(client).map(wait -> {
            long seconds = retryAfterSeconds(wait);
            LOG.debugf("rate limit: %s waits %d s", client, seconds);
            String message = "more than " + config.requests() + " anonymous searches per " + config.period()
                    + " from this address; retry after " + seconds + " s";
            // the search page gets a plain message, which the portal shows as a page of the site
            Response answer = path.equals(SEARCH_PAGE)
                    ? Response.status(429).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(message).build()
                    : ApiError.of(429, message).withCode(CODE).response();
            return Response.fromResponse(answer).header("Retry-After", seconds).build();
        });
    }

    private static final List<String> SEARCH_APIS = List.of("/api/search", "/api/datasets", "/api/documents", "/api/instruments");

    /** The portal's search page (the home page: every search on it is one engine query). */
    private static final String SEARCH_PAGE = "/";

    /**
     * The search APIs: {@code /api/search} and the PaNOSC API, whose paths ignore case, and the portal's search page.
     * OAI-PMH is left out: its harvesters page through with resumption tokens and expect the protocol's own flow
     * control (503), not a 429.
     */
    static boolean limited(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.equals(SEARCH_PAGE) || SEARCH_APIS.stream().anyMatch(api -> p.equals(api) || p.startsWith(api + "/"));
    }

    /** Whole seconds, at least 1 (Retry-After has no fractions). */
    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
