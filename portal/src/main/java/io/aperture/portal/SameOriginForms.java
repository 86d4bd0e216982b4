package io.aperture.portal;

import org.jboss.logging.Logger;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Optional;

/**
 * Cross-site request forgery guard for the portal's forms (the API takes bearer tokens and needs none): a
 * state-changing request carrying the session cookie must come from a page of this site. The session cookie is
 * SameSite=Lax, which already keeps other sites' POSTs from carrying it; this check also refuses a POST whose
 * Origin (or, failing that, Referer) names another host.
 */
public class SameOriginForms {
    private static final Logger LOG = Logger.getLogger(SameOriginForms.class);

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        String method = request.getMethod();
        String path = request.getUriInfo().getPath();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || path.startsWith("/api/") || path.startsWith("/oai")) {
            return Optional.empty();
        }
        String origin = Optional.ofNullable(request.getHeaderString("Origin")).orElse(request.getHeaderString("Referer"));
        if (origin == null || "null".equals(origin)) {
            return refused(path, "no Origin or Referer");
        }
        URI from;
        try {
            from = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return refused(path, "an Origin that is no URI");
        }
        // The browser's Origin against the Host it addressed (behind a proxy: X-Forwarded-Host, if the proxy sets it)
        String host = Optional.ofNullable(request.getHeaderString("X-Forwarded-Host")).orElse(request.getHeaderString("Host"));
        String fromHost = from.getHost() + ":" + port(from);
        boolean same = host != null && (host.contains(":") ? host : host + ":" + port(from)).equalsIgnoreCase(fromHost);
        return same ? Optional.empty() : refused(path, "another site's Origin");
    }

    /** A refused form is recorded (a cross-site post is an attack or a misconfigured proxy): the path and why, no value. */
    private static Optional<Response> refused(String path, String why) {
        LOG.warnf("refused a form post to %s: %s", path, why);
        return Optional.of(Response.status(403).entity("Forms must be sent from the Aperture portal itself.").build());
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }
}
