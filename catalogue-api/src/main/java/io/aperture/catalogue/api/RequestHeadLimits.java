package io.aperture.catalogue.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.Optional;

/**
 * The limits on a request's line and headers, answered by the application: a 414 or 431 in the API's error shape
 * under {@code /api} (the portal's pages answer with a page of their own, {@code ErrorPages}). Vert.x's own codec limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) refuse before any route runs, with an
 * empty body and no hook (quarkusio/quarkus#55082), so they are raised to a backstop well above these limits (64 KiB,
 * application.properties) and the limits that clients meet are these, with the values Vert.x applied before.
 */
@ApplicationScoped
public class RequestHeadLimits {
    /** The longest request line (method, target, version) served: Vert.x's default. */
    public static final int MAX_REQUEST_LINE = 4096;
    /** The most header bytes (names, values, separators) served: Quarkus' default. */
    public static final int MAX_HEADERS = 20 * 1024;
    /** " HTTP/1.1" and the space after the method. */
    private static final int LINE_OVERHEAD = 10;
    /** ": " and CRLF of each header line. */
    private static final int HEADER_OVERHEAD = 4;

    private final ObjectMapper json;

    RequestHeadLimits(ObjectMapper json) {
        this.json = json;
    }

    /** A request over one of the limits: its status (414 or 431) and what to say. */
    public record Refusal(int status, String message) {}

    void install(@Observes Router router) {
        // the API's answer; the portal's pages answer the same refusal with a page of their own (ErrorPages)
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(ctx -> refusal(ctx.request())
                .ifPresentOrElse(r -> ApiError.of(r.status(), r.message()).end(ctx, json), ctx::next));
    }

    /** Whether {@code request} exceeds a limit, and which. */
    public Optional<Refusal> refusal(HttpServerRequest request) {
        if (request.method().name().length() + request.uri().length() + LINE_OVERHEAD > MAX_REQUEST_LINE) {
            return Optional.of(new Refusal(414, "the request line is longer than the limit of " + MAX_REQUEST_LINE + " characters"));
        }
        long headers = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            headers += h.getKey().length() + h.getValue().length() + HEADER_OVERHEAD;
        }
        return headers > MAX_HEADERS
                ? Optional.of(new Refusal(431, "the request headers are larger than the limit of " + MAX_HEADERS + " bytes"))
                : Optional.empty();
    }
}
