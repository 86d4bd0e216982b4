package io.aperture.catalogue.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A 413 in the API's error shape. Quarkus refuses a body announced larger than {@code quarkus.http.limits.max-body-size}
 * with an empty 413 from a route of its own (order {@link RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}); this route runs
 * just before it and answers requests under {@code /api} itself. A chunked body that grows past the limit is still cut
 * off by Quarkus (empty 413): its size is not known in advance.
 */
@ApplicationScoped
public class BodyTooLarge {
    private final ObjectMapper json;
    private final long limit;

    BodyTooLarge(ObjectMapper json, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.json = json;
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        if (!announcedTooLarge(ctx)) {
            ctx.next();
            return;
        }
        // the body is not read: close the connection after answering, as Quarkus does
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        ApiError.of(413, "the request body is larger than the limit of " + limit + " bytes").end(ctx, json);
    }

    /** The limit in bytes ({@code quarkus.http.limits.max-body-size}). */
    public long limit() {
        return limit;
    }

    /** Whether the request announces a body over the limit (the portal's pages answer that with a page of their own). */
    public boolean announcedTooLarge(RoutingContext ctx) {
        String announced = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        return announced != null && tooLarge(announced);
    }

    private boolean tooLarge(String announced) {
        try {
            return Long.parseLong(announced.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself refuses a malformed Content-Length
        }
    }
}
