package org.broadside.render;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subject header values, RFC 2047-encoded and folded exactly as {@code MimeMessage.setSubject(subject, "UTF-8")}
 * writes them, kept per subject: a release has a handful of subjects for thousands of emails, and Angus's
 * MimeUtility looks its stream provider up through a ServiceLoader on every non-ASCII encoding (jakartaee/mail-api
 * issue 861), which cost half of composing an email. Bounded by starting afresh past {@value #KEPT} subjects.
 * Thread-safe.
 */
final class EncodedSubjects {
    private static final int KEPT = 256;
    /** The length of "Subject: ", where folding starts counting, as in setSubject. */
    private static final int HEADER_NAME_LENGTH = 9;

    private final Map<String, String> bySubject = new ConcurrentHashMap<>();

    String of(String subject) {
        String encoded = bySubject.get(subject);
        if (encoded == null) {
            encoded = encode(subject);
            if (bySubject.size() >= KEPT) {
                bySubject.clear();
            }
            bySubject.put(subject, encoded);
        }
        return encoded;
    }

    private static String encode(String subject) {
        try {
            return MimeUtility.fold(HEADER_NAME_LENGTH,
                    MimeUtility.encodeText(subject, StandardCharsets.UTF_8.name(), null));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }
}
