package io.aperture.portal;

import io.aperture.catalogue.api.BodyTooLarge;
import io.aperture.catalogue.api.RequestHeadLimits;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;
import java.util.Optional;

/**
 * Errors on the portal's pages as pages of the site (header, an explanation, a way back), whatever produced them: a
 * resource or the security layer (a response filter), a path nothing serves or a method it does not take (the
 * router's error handlers), a body over the size limit (a route just before Quarkus' own empty 413). The API, OAI-PMH
 * and Quarkus' own endpoints keep their machine-readable answers. Nothing of the failure itself is shown beyond the
 * message a page already wrote for people.
 */
@ApplicationScoped
public class ErrorPages {
    /** Codes this handles at the router, where no resource answered. */
    private static final List<Integer> ROUTER_CODES = List.of(404, 405, 413, 500);

    private final Template error;
    private final BodyTooLarge bodyLimit;
    private final RequestHeadLimits headLimits;

    ErrorPages(@Location("ErrorPages/error.html") Template error, BodyTooLarge bodyLimit, RequestHeadLimits headLimits) {
        this.error = error;
        this.bodyLimit = bodyLimit;
        this.headLimits = headLimits;
    }

    /** What a person reads for a status. */
    record Problem(String title, String explanation) {
        static Problem of(int status) {
            return switch (status) {
                case 400 -> new Problem("That request was not understood", "Something in the address or the form was not valid.");
                case 401, 403 -> new Problem("Not available to you", "This page is for other people. If you expected to see it, log in with the account that holds the proposal, or ask the facility.");
                case 404 -> new Problem("Page not found", "There is nothing at this address that you can see.");
                case 405 -> new Problem("Not possible here", "This address does not take that kind of request.");
                case 409 -> new Problem("Not possible now", "The data changed since the page was shown.");
                case 413 -> new Problem("Too much to send", "What was sent is larger than the portal accepts.");
                case 414 -> new Problem("Address too long", "The address of this request is longer than the portal accepts.");
                case 429 -> new Problem("Too many searches", "This address searched more often than the portal allows in a short time. Please wait a little and try again, or log in.");
                case 431 -> new Problem("Request too large", "The request carries more header data than the portal accepts (very large cookies, perhaps).");
                case 503 -> new Problem("Temporarily unavailable", "A service the portal needs is not answering. Please try again in a moment.");
                default -> status >= 500
                        ? new Problem("Something went wrong", "The portal failed to answer. The failure was logged; please try again later.")
                        : new Problem("Request refused", "The portal could not do this.");
            };
        }
    }

    /** Whether a path is a page of the portal (not the API, OAI-PMH or Quarkus' endpoints). */
    static boolean isPage(String path) {
        return !(isApi(path) || path.startsWith("/oai") || path.startsWith("/q/")
                || path.startsWith("/.well-known/"));
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api");
    }

    TemplateInstance page(int status, String detail, String user) {
        Problem p = Problem.of(status);
        return error.data("status", status).data("title", p.title()).data("explanation", p.explanation())
                .data("detail", detail).data("user", user);
    }

    void install(@Observes Router router) {
        for (int status : ROUTER_CODES) {
            router.errorHandler(status, ctx -> answer(ctx, status));
        }
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> {
            // an over-long request line or headers: the API answers them itself (RequestHeadLimits), the rest here
            Optional<RequestHeadLimits.Refusal> head = isApi(ctx.normalizedPath()) ? Optional.empty()
                    : headLimits.refusal(ctx.request());
            if (head.isPresent()) {
                answer(ctx, head.get().status());
            } else if (isPage(ctx.normalizedPath()) && bodyLimit.announcedTooLarge(ctx)) {
                // the body is not read: the connection is closed once the answer is out, as Quarkus does
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close")
                        .endHandler(v -> ctx.request().connection().close());
                answer(ctx, 413);
            } else {
                ctx.next();
            }
        });
    }

    private void answer(RoutingContext ctx, int status) {
        if (ctx.response().ended()) {
            return;
        }
        if (!isPage(ctx.normalizedPath())) {
            ctx.response().setStatusCode(status).end();
            return;
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_HTML + ";charset=UTF-8")
                .end(page(status, null, null).render());
    }

    /** The answers resources and the security layer gave: a page of the site in place of a bare status or plain text. */
    public static class Filter {
        private final ErrorPages pages;
        private final SecurityIdentity identity;

        Filter(ErrorPages pages, SecurityIdentity identity) {
            this.pages = pages;
            this.identity = identity;
        }

        @ServerResponseFilter
        public void brand(ContainerRequestContext request, ContainerResponseContext response) {
            int status = response.getStatus();
            // only a bare status or a plain-text message: pages, and the JSON errors of the landing pages' other
            // representations, stay as they are
            MediaType type = response.getMediaType();
            boolean bare = !(response.getEntity() instanceof TemplateInstance)
                    && (!response.hasEntity() || type == null || type.isCompatible(MediaType.TEXT_PLAIN_TYPE));
            if (status < 400 || !isPage(request.getUriInfo().getPath()) || !bare || !wantsHtml(request)) {
                return;
            }
            // a page's own plain message (the audit page's refusal) is kept; nothing else of a failure is shown
            String detail = response.getEntity() instanceof String s && status < 500 ? s.strip() : null;
            String user = identity.isAnonymous() ? null : identity.getPrincipal().getName();
            response.setEntity(pages.page(status, detail, user).render(), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }

        private static boolean wantsHtml(ContainerRequestContext request) {
            List<MediaType> accepted;
            try {
                accepted = request.getAcceptableMediaTypes();
            } catch (IllegalArgumentException e) {
                return false; // an Accept header that is no media-type list: the answer stays as it is
            }
            return accepted.stream().anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE) && !t.isWildcardType())
                    || accepted.stream().allMatch(MediaType::isWildcardType);
        }
    }
}
