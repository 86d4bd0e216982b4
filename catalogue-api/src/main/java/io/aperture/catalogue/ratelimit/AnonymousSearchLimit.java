package io.aperture.catalogue.ratelimit;

import io.aperture.catalogue.api.ApiError;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.InetAddress;
import java.net.UnknownHostException;
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
        String client = http.remoteAddress() == null ? "unknown" : clientKey(http.remoteAddress().hostAddress());
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

    /**
     * Whom an address counts for: an IPv4 address itself, an IPv6 address its /64 network — one subscriber or host is
     * given a whole /64, so counting single addresses would give one client 2^64 allowances and let it push every
     * other client out of the bounded table.
     */
    static String clientKey(String address) {
        if (address.indexOf(':') < 0) {
            return address; // IPv4, or no IP at all (a unix socket): as it is, never a name lookup
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // an IPv6 literal: parsed, not looked up
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress(); // IPv4-mapped
            }
            StringBuilder net = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                net.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return net.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** Whole seconds, at least 1 (Retry-After has no fractions). */
    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
