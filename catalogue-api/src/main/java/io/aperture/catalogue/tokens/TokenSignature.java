package io.aperture.catalogue.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Signs the tokens a client hands back (OAI-PMH resumption tokens, search cursors) with HMAC-SHA256 under
 * {@code aperture.tokens.secret}, so that a client cannot edit one (its window, position or sort values) and every
 * server instance with the same secret accepts the tokens of the others. Each kind of token is signed for its
 * {@code purpose}, which the MAC covers: a token of one kind is never accepted as another. A signed token is
 * {@code payload.signature}, both URL-safe base64.
 */
@ApplicationScoped
public class TokenSignature {
    /** The shortest secret accepted: 32 characters. */
    static final int MIN_SECRET = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    @Inject
    TokenSignature(TokenConfig config) {
        // the public development default is refused (or warned about) with the other secrets: portal PublicDefaultSecrets
        this(config.secret());
    }

    public TokenSignature(String secret) {
        if (secret == null || secret.length() < MIN_SECRET) {
            throw new IllegalArgumentException("aperture.tokens.secret must have at least " + MIN_SECRET + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The payload with its signature for {@code purpose} appended. */
    public String sign(String purpose, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(purpose, bytes));
    }

    /**
     * The payload of a token this service signed for {@code purpose}; empty for anything else (edited, truncated, not
     * base64, signed for another purpose or with another secret).
     */
    public Optional<String> verify(String purpose, String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            return MessageDigest.isEqual(mac(purpose, payload), signature)
                    ? Optional.of(new String(payload, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String purpose, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // the purpose, then a NUL no purpose contains, then the payload: no two (purpose, payload) pairs collide
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}
