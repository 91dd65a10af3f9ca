package org.broadside.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Operators' passwords as PBKDF2-HMAC-SHA256 hashes, in the form {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}
 * (salt and hash in unpadded base64). PBKDF2 because the JDK has it: no native code, no extra library, and it
 * is what OWASP lists for FIPS settings, with 600,000 iterations for SHA-256.
 */
public final class PasswordHash {
    static final String SCHEME = "pbkdf2-sha256";
    static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** A new hash with a random salt. */
    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return format(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    /**
     * Whether the password matches the stored hash, compared in constant time.
     *
     * @throws IllegalArgumentException when the stored value is not a hash of this form
     */
    public static boolean matches(char[] password, String stored) {
        Stored hash = parse(stored);
        return MessageDigest.isEqual(hash.hash(), derive(password, hash.salt(), hash.iterations()));
    }

    /** @throws IllegalArgumentException when the value is not a hash of this form */
    public static void requireWellFormed(String stored) {
        parse(stored);
    }

    private record Stored(int iterations, byte[] salt, byte[] hash) {
    }

    private static Stored parse(String stored) {
        String[] parts = stored.split("\\$");
        try {
            if (parts.length == 4 && parts[0].equals(SCHEME)) {
                Stored hash = new Stored(Integer.parseInt(parts[1]), Base64.getDecoder().decode(parts[2]),
                        Base64.getDecoder().decode(parts[3]));
                if (hash.iterations() > 0 && hash.salt().length > 0 && hash.hash().length > 0) {
                    return hash;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // reported below, with the form expected
        }
        throw new IllegalArgumentException("not a " + SCHEME + "$ITERATIONS$SALT$HASH password hash");
    }

    private static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
