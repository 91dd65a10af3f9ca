package org.broadside.render;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encodes a UTF-8 text part for the wire once, into bytes ({@link AlternativeBody} puts them in the message as
 * they are).
 *
 * <p>Why not {@code MimeBodyPart.setText}: Angus encodes such a part while the message is being sent, a byte at a
 * time through four nested streams, and scans the whole text first to choose the encoding. For a 12 KB
 * statement that was the largest single cost of sending an email. Here the choice is Angus's own rule (7bit for
 * ASCII text with lines a server accepts, quoted-printable when most bytes are ASCII, base64 when most are not,
 * as in Arabic or Chinese), made on bytes we already hold, and the encoding is a loop over an array.
 *
 * <p>Line breaks in the text become CRLF, as RFC 2045 requires of text; quoted-printable lines are at most 76
 * characters, with soft breaks that never split an escape; spaces and tabs before a line break are escaped, since
 * transport may strip them.
 */
final class TextPartEncoder {
    /** RFC 5322: a line of at most 998 characters; longer lines must be encoded. */
    private static final int MAX_7BIT_LINE = 998;
    /** RFC 2045: encoded lines of at most 76 characters, the soft line break's '=' included. */
    private static final int MAX_QP_LINE = 76;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'});

    private TextPartEncoder() {
    }

    /** The whole text, its line breaks made CRLF, in the encoding Angus would choose for it. */
    static EncodedText encoded(String text) {
        byte[] utf8 = utf8WithCrlf(text);
        String encoding = encodingFor(utf8);
        return new EncodedText(encoding, encode(utf8, encoding));
    }

    /** The UTF-8 bytes of the text with every line break as CRLF. */
    static byte[] utf8WithCrlf(String text) {
        return withCrlf(text).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Angus's choice (MimeUtility.getEncoding) for text: the transfer encoding for these bytes. Like Angus, control
     * characters other than line breaks and tabs count as non-ASCII: 7bit text must not carry them.
     */
    static String encodingFor(byte[] utf8) {
        int ascii = 0;
        int lineLength = 0;
        boolean longLine = false;
        for (byte b : utf8) {
            if (b >= 0 && (b >= 32 || b == '\r' || b == '\n' || b == '\t')) {
                ascii++;
            }
            lineLength = b == '\n' ? 0 : lineLength + 1;
            longLine |= lineLength > MAX_7BIT_LINE;
        }
        int other = utf8.length - ascii;
        if (other == 0 && !longLine) {
            return "7bit";
        }
        return other > ascii ? "base64" : "quoted-printable";
    }

    static byte[] encode(byte[] utf8, String encoding) {
        return switch (encoding) {
            case "7bit" -> utf8;
            case "base64" -> BASE64.encode(utf8);
            case "quoted-printable" -> quotedPrintable(utf8);
            default -> throw new IllegalArgumentException("no such transfer encoding: " + encoding);
        };
    }

    /** Every line break, whatever it was (LF, CR or CRLF), as CRLF. */
    private static String withCrlf(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }

    /** RFC 2045 section 6.7 on CRLF-terminated lines: hard breaks kept, soft breaks added. */
    static byte[] quotedPrintable(byte[] utf8) {
        return quotedPrintable(utf8, false);
    }

    /**
     * Quoted-printable of one segment of a text.
     *
     * @param softBreakAfter the caller follows the segment with a soft line break ({@code =} CRLF): its last line
     *                       then leaves room for that {@code =}, and a space or tab at its end is escaped, as before
     *                       any line break
     */
    static byte[] quotedPrintable(byte[] utf8, boolean softBreakAfter) {
        // At worst every byte is escaped (3 bytes), plus a soft break (3 bytes) per 25 escapes.
        byte[] out = new byte[utf8.length * 3 + (utf8.length / 25 + 1) * 3];
        int length = 0;
        int column = 0;
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xff;
            if (b == '\r' && i + 1 < utf8.length && utf8[i + 1] == '\n') {
                out[length++] = '\r';
                out[length++] = '\n';
                i++;
                column = 0;
                continue;
            }
            boolean last = i + 1 == utf8.length;
            boolean beforeBreak = last || utf8[i + 1] == '\r';
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !beforeBreak);
            int width = literal ? 1 : 3;
            // A soft break needs room for its '=' on this line; the last char before a hard break needs none.
            boolean beforeHardBreak = beforeBreak && !(last && softBreakAfter);
            int room = beforeHardBreak ? MAX_QP_LINE : MAX_QP_LINE - 1;
            if (column + width > room) {
                out[length++] = '=';
                out[length++] = '\r';
                out[length++] = '\n';
                column = 0;
            }
            if (literal) {
                out[length++] = (byte) b;
            } else {
                out[length++] = '=';
                out[length++] = HEX[b >> 4];
                out[length++] = HEX[b & 0xf];
            }
            column += width;
        }
        return Arrays.copyOf(out, length);
    }
}
