package org.broadside.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens that carry a payload and an HMAC-SHA256 over it, so a link can name an address without a
 * database lookup and without anyone being able to forge one for another address.
 * Format: {@code base64url(payload) "." base64url(mac)}; the MAC also covers a purpose, so a token
 * minted for one use is worthless for another.
 */
public final class SignedTokens {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public SignedTokens(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a signing key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String sign(String purpose, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(purpose, bytes));
    }

    /** The payload of a genuine token for this purpose; empty for anything forged, altered or malformed. */
    public Optional<String> verify(String purpose, String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] given = DECODER.decode(token.substring(dot + 1));
            return MessageDigest.isEqual(given, mac(purpose, payload))
                    ? Optional.of(new String(payload, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] mac(String purpose, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
