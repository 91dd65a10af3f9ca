package org.broadside.dkim;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads a DKIM signing key: an unencrypted RSA key in PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), as
 * {@code openssl genpkey} writes it. Error messages say what is wrong with the key and never quote it.
 */
final class PemPrivateKey {
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    /** RFC 8301: verifiers must not accept signatures by shorter keys. */
    private static final int MIN_BITS = 1024;

    private PemPrivateKey() {
    }

    /** @throws IllegalArgumentException saying why the text is not a usable key, without quoting it */
    static RSAPrivateKey parse(String pem) {
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            throw new IllegalArgumentException("is a PKCS#1 key (BEGIN RSA PRIVATE KEY); convert it to PKCS#8 with: "
                    + "openssl pkcs8 -topk8 -nocrypt -in old.pem -out dkim.pem");
        }
        if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new IllegalArgumentException("is encrypted; Broadside needs it unencrypted: "
                    + "openssl pkcs8 -topk8 -nocrypt -in encrypted.pem -out dkim.pem");
        }
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("is not a PEM private key (" + BEGIN + " ... " + END + ")");
        }
        RSAPrivateKey key = rsa(der(pem.substring(begin + BEGIN.length(), end)));
        int bits = key.getModulus().bitLength();
        if (bits < MIN_BITS) {
            throw new IllegalArgumentException("is a " + bits + "-bit RSA key; receivers refuse DKIM keys under "
                    + MIN_BITS + " bits (RFC 8301): generate a 2048-bit one");
        }
        return key;
    }

    private static byte[] der(String base64) {
        // An environment variable often cannot hold line breaks, so "\n" written out literally is accepted too.
        String compact = base64.replace("\\n", "").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not valid base64 between the PEM lines");
        }
    }

    private static RSAPrivateKey rsa(byte[] der) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (InvalidKeySpecException | ClassCastException e) {
            throw new IllegalArgumentException("is not an RSA private key in PKCS#8 form (rsa-sha256 needs RSA)");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no RSA", e);
        }
    }
}
