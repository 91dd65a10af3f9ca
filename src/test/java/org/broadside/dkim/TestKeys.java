package org.broadside.dkim;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** Key pairs generated for a test, and their PEM and DNS record forms. */
final class TestKeys {
    private TestKeys() {
    }

    static KeyPair rsa(int bits) {
        return generate("RSA", bits);
    }

    static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#8 PEM, as {@code openssl genpkey} writes a private key. */
    static String pem(Key privateKey) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(privateKey.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** The TXT record an operator publishes at {@code <selector>._domainkey.<domain>}. */
    static String dnsRecord(KeyPair pair) {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }
}
