package org.broadside.render;

import jakarta.mail.internet.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The body of a multipart/alternative message, text/plain first and text/html last, written straight into bytes
 * from parts already encoded, laid out as Angus's MimeMultipart writes it: no preamble, each part after its
 * boundary line, its headers and a blank line, a CRLF before the next boundary, the closing boundary last.
 *
 * <p>Why not MimeMultipart: Angus serializes a multipart (every part's headers, every byte of content through its
 * output streams) each time the message is written, and a DKIM-signed email is written twice. These bytes are
 * written once and then handed to the message as its saved content.
 *
 * @param contentType the message's Content-Type, with the boundary
 * @param bytes       the body
 */
record AlternativeBody(String contentType, byte[] bytes) {
    /**
     * Angus's own style ("----=_Part_" and counters): "=_" cannot occur in quoted-printable or base64 content, so
     * only a 7bit part could ever hold the boundary, and the random number per process makes that hopeless.
     */
    private static final String BOUNDARY_PREFIX = "----=_Part_" + HexFormat.of().toHexDigits(new SecureRandom().nextLong()) + "_";
    private static final AtomicLong BOUNDARIES = new AtomicLong();
    private static final byte[] CRLF = {'\r', '\n'};

    static AlternativeBody of(EncodedText plain, EncodedText html) {
        String boundary = BOUNDARY_PREFIX + BOUNDARIES.incrementAndGet();
        ContentType type = new ContentType("multipart", "alternative", null);
        type.setParameter("boundary", boundary);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] body = Bytes.concat(partHeader(delimiter, "plain", plain), plain.bytes(), CRLF,
                partHeader(delimiter, "html", html), html.bytes(), CRLF,
                delimiter, new byte[] {'-', '-'}, CRLF);
        return new AlternativeBody(type.toString(), body);
    }

    /** A part's delimiter line and headers, up to the blank line before its content. */
    private static byte[] partHeader(byte[] delimiter, String subtype, EncodedText content) {
        return Bytes.concat(delimiter, CRLF, ("Content-Type: text/" + subtype
                + "; charset=UTF-8\r\nContent-Transfer-Encoding: " + content.encoding() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }
}
