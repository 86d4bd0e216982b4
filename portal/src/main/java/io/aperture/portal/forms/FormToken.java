package io.aperture.portal.forms;

import org.jboss.logging.Logger;
import io.aperture.catalogue.input.UrlEncodedForm;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The portal forms' CSRF token (double submit): a random value in an HttpOnly, SameSite=Strict cookie of this browser,
 * repeated in a hidden field of every form the portal renders ({@code {#formToken /}}); a post counts only when the
 * two are equal. Another site can make a browser send the cookie at most, never read it to write the field. This is
 * in addition to {@code SameOriginForms}' Origin check and the session cookie's SameSite=Lax. The API (bearer tokens)
 * and OAI-PMH (harvesters post forms without a session) are not portal forms and are not asked for it.
 */
@Named("formToken")
@RequestScoped
public class FormToken {
    private static final Logger LOG = Logger.getLogger(FormToken.class);
    public static final String COOKIE = "aperture-form";
    public static final String FIELD = "form-token";
    static final String REFUSED = "This form was not sent from a page of the portal in this browser, or the page is "
            + "too old: reload the page and send the form again.";
    /** 32 random bytes, base64url without padding. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServerRequest request;
    private String value;

    FormToken(HttpServerRequest request) {
        this.request = request;
    }

    /** The token to put in a form: this browser's, or a new one sent as its cookie with this answer. */
    public String value() {
        if (value == null) {
            value = fromCookie();
            if (value == null) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                // a browser session cookie: it lives as long as the pages that hold it in their forms
                request.response().addCookie(Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT).setSecure("https".equals(request.scheme())));
            }
        }
        return value;
    }

    /** The field's name, for the template. */
    public String field() {
        return FIELD;
    }

    /**
     * A portal form's body: malformed encoding is a 400 naming the form ({@link UrlEncodedForm}), a missing or wrong
     * token a 403 saying what to do.
     */
    public UrlEncodedForm read(String body) {
        UrlEncodedForm form = UrlEncodedForm.parse(body);
        String cookie = fromCookie();
        String sent = form.first(FIELD).orElse("");
        if (cookie == null || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.UTF_8))) {
            // recorded: a forged or replayed post, or a browser whose token cookie expired (no value is logged)
            LOG.warnf("refused a form without this browser's token (%s)", cookie == null ? "no token cookie" : "token differs");
            throw new ForbiddenException(Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity(REFUSED).build());
        }
        return form;
    }

    private String fromCookie() {
        Cookie c = request.getCookie(COOKIE);
        return c != null && WELL_FORMED.matcher(c.getValue()).matches() ? c.getValue() : null;
    }
}
