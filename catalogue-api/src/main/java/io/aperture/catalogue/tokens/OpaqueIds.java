package io.aperture.catalogue.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * Row ids as the public sees them: a sequence value, answered as it is, tells by the gaps between two public rows how
 * many rows were made between them, embargoed ones included (a PaNOSC file's or parameter's id). So an id is answered
 * as one AES block holding the row id and a fixed tag, encrypted under a key derived from
 * {@code aperture.tokens.secret}: the same row always has the same id, every server with the secret reads it back, and
 * without it nothing can be learnt of the order or the gaps. 22 URL-safe base64 characters.
 */
@ApplicationScoped
public class OpaqueIds {
    private static final byte[] TAG = "aperture".getBytes(StandardCharsets.US_ASCII);
    private static final int ENCODED_LENGTH = 22;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    /** A cipher initialised once per thread: making one per id costs more than the id (a page holds thousands). */
    private final ThreadLocal<Cipher> encrypt;
    private final ThreadLocal<Cipher> decrypt;

    @Inject
    OpaqueIds(TokenConfig config) {
        this(config.secret());
    }

    public OpaqueIds(String secret) {
        SecretKeySpec key = new SecretKeySpec(derive(secret), "AES");
        this.encrypt = ThreadLocal.withInitial(() -> cipher(Cipher.ENCRYPT_MODE, key));
        this.decrypt = ThreadLocal.withInitial(() -> cipher(Cipher.DECRYPT_MODE, key));
    }

    /** The public form of a row id. */
    public String encode(long id) {
        byte[] block = ByteBuffer.allocate(16).putLong(id).put(TAG).array();
        try {
            return ENCODER.encodeToString(encrypt.get().doFinal(block));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    /** The row id of a public id this service answered; empty for any other text (edited, of another secret, not an id). */
    public OptionalLong decode(String text) {
        if (text == null || text.length() != ENCODED_LENGTH) {
            return OptionalLong.empty();
        }
        try {
            byte[] block = decrypt.get().doFinal(Base64.getUrlDecoder().decode(text));
            if (!Arrays.equals(block, 8, 16, TAG, 0, TAG.length)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(ByteBuffer.wrap(block).getLong());
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return OptionalLong.empty();
        }
    }

    /** A key of its own for ids, so that it is never the key of the token signatures. */
    private static byte[] derive(String secret) {
        if (secret == null || secret.length() < TokenSignature.MIN_SECRET) {
            throw new IllegalArgumentException("aperture.tokens.secret must have at least " + TokenSignature.MIN_SECRET + " characters");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal("public row ids".getBytes(StandardCharsets.UTF_8)), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Cipher cipher(int mode, SecretKeySpec key) {
        try {
            // one block, always the same for the same id: ECB is what is wanted here (a permutation of the ids)
            Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
            c.init(mode, key);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }
}
