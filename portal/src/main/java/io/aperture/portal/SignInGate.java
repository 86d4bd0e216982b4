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

import java.net.URI;
import java.time.Duration;

/**
 * "Log in" while Keycloak is down. The OIDC code flow sends the browser to Keycloak from metadata read at start, so
 * without this the person would land on the browser's own "cannot connect" page with no word from the portal. Before
 * sending someone without a session there, this asks whether the realm's discovery document answers
 * ({@link RealmProbe}: 2 s at most, one probe per 5 s whoever asks) and, when it does not, says so on a page of the
 * site (503): search and public landing pages never need Keycloak and keep working. People already signed in go
 * through unchanged.
 */
@ApplicationScoped
public class SignInGate {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** How long one probe's answer stands: a realm that went down or came back is noticed within this. */
    private static final Duration PROBE_WINDOW = Duration.ofSeconds(5);
    static final String DETAIL = "Signing in is not possible at the moment: the facility's sign-in service does not "
            + "answer. Searching the catalogue and the public dataset pages work as usual.";

    private final ErrorPages pages;
    private final RealmProbe realm;

    /** The realm address is Quarkus' own setting for the web sign-in; only read here, never set. */
    SignInGate(ErrorPages pages, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realm) {
        this.pages = pages;
        this.realm = new RealmProbe(URI.create(realm.replaceAll("/+$", "") + "/.well-known/openid-configuration"),
                PROBE_TIMEOUT, PROBE_WINDOW, System::nanoTime);
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
        realm.answers().thenAccept(up -> context.runOnContext(v -> {
            if (up) {
                ctx.next();
            } else {
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
