package org.broadside.dkim;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;

/**
 * Apache James jDKIM, an implementation that shares no code with ours, looking keys up in a DNS of one record:
 * the test's public key at {@code <selector>._domainkey.<domain>}.
 */
final class IndependentVerifier {
    private final String selector;
    private final String domain;
    private final String record;

    IndependentVerifier(String selector, String domain, String record) {
        this.selector = selector;
        this.domain = domain;
        this.record = record;
    }

    /**
     * The signatures that verify over these raw message bytes.
     *
     * @throws FailException when the message has signatures and none verifies
     * @throws AssertionError when the message carries no DKIM-Signature at all
     */
    List<SignatureRecord> verify(byte[] raw) throws Exception {
        DKIMVerifier verifier = new DKIMVerifier((method, s, d) -> {
            if (s.toString().equals(selector) && d.toString().equals(domain)) {
                return List.of(record);
            }
            throw new PermFailException("no key is published at " + s + "._domainkey." + d);
        });
        List<SignatureRecord> verified = verifier.verify(new ByteArrayInputStream(raw));
        if (verified == null) {
            throw new AssertionError("the message carries no DKIM-Signature");
        }
        return verified;
    }
}
