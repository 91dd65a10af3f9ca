package org.broadside.render;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;

/** Text parts built the way Angus builds a MIME tree, around what {@link TextPartEncoder} encodes: the reference. */
final class EncodedTextParts {
    private EncodedTextParts() {
    }

    /** A body part of {@code text/<subtype>; charset=UTF-8}, its content already encoded. */
    static MimeBodyPart part(String text, String subtype) throws MessagingException {
        EncodedText encoded = TextPartEncoder.encoded(text);
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", "text/" + subtype + "; charset=UTF-8");
        headers.setHeader("Content-Transfer-Encoding", encoded.encoding());
        return new MimeBodyPart(headers, encoded.bytes());
    }
}
