package io.aperture.catalogue.tokens;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The key that signs what the API hands out to come back with ({@code aperture.tokens.*}). */
@ConfigMapping(prefix = "aperture.tokens")
public interface TokenConfig {
    /** The default {@link #secret()}: for the embedded stack only, public in this source. */
    String DEVELOPMENT_SECRET = "aperture-local-token-secret-dev-only-change-me";

    /**
     * The HMAC key ({@code APERTURE_TOKEN_SECRET}) of OAI-PMH resumption tokens and search cursors, at least 32
     * characters and the same on every server instance. The default is the public development value
     * {@link #DEVELOPMENT_SECRET}.
     */
    @WithDefault("${APERTURE_TOKEN_SECRET:" + DEVELOPMENT_SECRET + "}")
    String secret();
}
