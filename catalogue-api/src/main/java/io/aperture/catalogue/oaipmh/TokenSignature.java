package io.aperture.catalogue.oaipmh;

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
 * Signs resumption tokens with HMAC-SHA256 under {@code aperture.oai.token-secret}, so a harvester cannot edit one
 * (its window, cursor or position) and every server instance with the same secret accepts the tokens of the others.
 * A signed token is {@code payload.signature}, both URL-safe base64.
 */
@ApplicationScoped
public class TokenSignature {
    /** The shortest secret accepted: 32 characters. */
    static final int MIN_SECRET = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    @Inject
    TokenSignature(OaiConfig config) {
        // the public development default is refused (or warned about) with the other secrets: portal PublicDefaultSecrets
        this(config.tokenSecret());
    }

    TokenSignature(String secret) {
        if (secret == null || secret.length() < MIN_SECRET) {
            throw new IllegalArgumentException("aperture.oai.token-secret must have at least " + MIN_SECRET + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The payload with its signature appended. */
    public String sign(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The payload of a token this repository signed; empty for anything else (edited, truncated, not base64). */
    public Optional<String> verify(String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            return MessageDigest.isEqual(mac(payload), signature)
                    ? Optional.of(new String(payload, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}
