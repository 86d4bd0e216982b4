package io.aperture.portal;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * An answer to a signed-in caller may hold what only they may see (a team's embargoed landing page, a search page with
 * their proposals' data, the staff pages) at the same address as the public answer, and the portal knows them by a
 * cookie, which shared caches do not key on. So every such answer is {@code private, no-store} unless its resource
 * set its own caching (a preview says itself whether it is public). Anonymous answers are the public ones.
 */
public class PrivateAnswers {
    static final String PRIVATE = "private, no-store";

    private final SecurityIdentity identity;

    PrivateAnswers(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerResponseFilter
    public void mark(ContainerResponseContext response) {
        if (!identity.isAnonymous() && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, PRIVATE);
        }
    }
}
