package io.aperture.portal;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * "Log in" while Keycloak is down. The OIDC code flow sends the browser to Keycloak from metadata read at start, so
 * without this the person would land on the browser's own "cannot connect" page with no word from the portal. Before
 * sending someone without a session there, this asks the realm's discovery document (2 s at most) and, when it does
 * not answer, says so on a page of the site (503): search and public landing pages never need Keycloak and keep
 * working. People already signed in go through unchanged.
 */
@ApplicationScoped
public class SignInGate {
    private static final Logger LOG = Logger.getLogger(SignInGate.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    static final String DETAIL = "Signing in is not possible at the moment: the facility's sign-in service does not "
            + "answer. Searching the catalogue and the public dataset pages work as usual.";

    private final ErrorPages pages;
    private final URI discovery;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    /** The realm address is Quarkus' own setting for the web sign-in; only read here, never set. */
    SignInGate(ErrorPages pages, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realm) {
        this.pages = pages;
        this.discovery = URI.create(realm.replaceAll("/+$", "") + "/.well-known/openid-configuration");
    }

    void install(@Observes Router router) {
        router.get("/login").order(Integer.MIN_VALUE + 100).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        if (signedIn(ctx)) {
            ctx.next();
            return;
        }
        Context context = Vertx.currentContext();
        HttpRequest probe = HttpRequest.newBuilder(discovery).timeout(PROBE_TIMEOUT).GET().build();
        http.sendAsync(probe, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) ->
                context.runOnContext(v -> {
                    if (failure == null && answer.statusCode() == 200) {
                        ctx.next();
                    } else {
                        LOG.warnf("sign-in refused: the realm's discovery document at %s %s", discovery,
                                failure == null ? "answered " + answer.statusCode() : "did not answer (" + failure + ")");
                        ctx.response().setStatusCode(503).putHeader("Retry-After", "30")
                                .putHeader(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_HTML + ";charset=UTF-8")
                                .end(pages.page(503, DETAIL, null).render());
                    }
                }));
    }

    /** A Quarkus OIDC session cookie ({@code q_session}, or its chunks) means someone is signed in already. */
    private static boolean signedIn(RoutingContext ctx) {
        for (Cookie c : ctx.request().cookies()) {
            if (c.getName().startsWith("q_session")) {
                return true;
            }
        }
        return false;
    }
}
