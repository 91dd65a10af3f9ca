package org.broadside.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens that carry a payload and an HMAC-SHA256 over it, so a link can name an address without a
 * database lookup and without anyone being able to forge one for another address.
 * Format: {@code base64url(payload) "." base64url(mac)}; the MAC also covers a purpose, so a token
 * minted for one use is worthless for another.
 *
 * <p>A second, caseless form serves places that may change a token's case, such as the local part of an
 * email address (see {@link #signCaseless}).
 */
public final class SignedTokens {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** RFC 4648's base32 alphabet in lower case: letters and digits only, so case folding cannot alter it. */
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    /** 80 bits, RFC 2104's floor for a truncated HMAC; a forger must guess it by sending mail, one try a message. */
    private static final int CASELESS_MAC_BYTES = 10;
    private static final Pattern CASELESS_PAYLOAD = Pattern.compile("[0-9a-z]{1,40}");

    private final SecretKeySpec key;
    /**
     * One keyed Mac per thread: a Mac is not thread-safe, and looking one up and keying it for every token was a
     * few percent of sending an email (three tokens each: unsubscribe link, mailto and bounce address).
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

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

    /**
     * A token that survives case folding and fits an email local part: {@code payload "-" mac}, all lower case,
     * the MAC cut to 80 bits and written in base32. Some mail servers lower-case the local part of an address
     * they deliver to, which would break the base64 form.
     *
     * @param payload digits and lower-case letters only (at most 40), so that folding its case cannot change it
     */
    public String signCaseless(String purpose, String payload) {
        if (!CASELESS_PAYLOAD.matcher(payload).matches()) {
            throw new IllegalArgumentException("a caseless token carries 1 to 40 digits and lower-case letters, not '"
                    + payload + "'");
        }
        return payload + "-" + caselessMac(purpose, payload);
    }

    /** The payload of a genuine caseless token, whatever case it arrives in; empty for anything else. */
    public Optional<String> verifyCaseless(String purpose, String token) {
        if (token == null) {
            return Optional.empty();
        }
        String folded = token.toLowerCase(Locale.ROOT);
        int dash = folded.indexOf('-');
        if (dash < 0 || dash != folded.lastIndexOf('-')) {
            return Optional.empty();
        }
        String payload = folded.substring(0, dash);
        if (!CASELESS_PAYLOAD.matcher(payload).matches()) {
            return Optional.empty();
        }
        byte[] expected = caselessMac(purpose, payload).getBytes(StandardCharsets.US_ASCII);
        byte[] given = folded.substring(dash + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected) ? Optional.of(payload) : Optional.empty();
    }

    private String caselessMac(String purpose, String payload) {
        byte[] mac = mac(purpose, payload.getBytes(StandardCharsets.US_ASCII));
        return base32(Arrays.copyOf(mac, CASELESS_MAC_BYTES));
    }

    /** Base32 without padding: five bits a character. */
    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    private byte[] mac(String purpose, byte[] payload) {
        // doFinal leaves the Mac ready for the next message under the same key.
        Mac mac = macs.get();
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(payload);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
