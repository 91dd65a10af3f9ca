package org.broadside.dkim;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * The "relaxed" canonicalization of RFC 6376 (3.4.2 and 3.4.4), for headers and body. Relaxed tolerates what
 * relays commonly do to a message in transit (refolding headers, trimming trailing spaces) and nothing else.
 */
final class RelaxedCanonicalization {
    private RelaxedCanonicalization() {
    }

    /**
     * A header field as signed: the name in lower case, the value unfolded, every run of spaces and tabs made one
     * space and none around the colon or at the end; followed by no CRLF (the caller adds it where RFC 6376 wants one).
     */
    static String header(String name, String value) {
        String unfolded = value.replace("\r\n", "").replaceAll("[ \t]+", " ");
        return name.strip().toLowerCase(Locale.ROOT) + ":" + unfolded.replaceAll("^ | $", "");
    }

    /**
     * The body as hashed: in every line, runs of spaces and tabs become one space and trailing ones go; empty lines
     * at the end go; a body that is not empty ends with CRLF.
     *
     * @param body with CRLF line endings, as on the wire
     */
    static byte[] body(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int emptyLinesPending = 0;
        int start = 0;
        while (start < body.length) {
            int end = lineEnd(body, start);
            byte[] line = line(body, start, end);
            if (line.length == 0) {
                emptyLinesPending++;
            } else {
                for (; emptyLinesPending > 0; emptyLinesPending--) {
                    out.write('\r');
                    out.write('\n');
                }
                out.writeBytes(line);
                out.write('\r');
                out.write('\n');
            }
            start = end + 2;
        }
        return out.toByteArray();
    }

    /** Where the line starting at {@code start} ends: at its CRLF, or at the end of a body without a final CRLF. */
    private static int lineEnd(byte[] body, int start) {
        for (int i = start; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        return body.length;
    }

    private static byte[] line(byte[] body, int start, int end) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(end - start);
        boolean inWhitespace = false;
        for (int i = start; i < end; i++) {
            byte b = body[i];
            if (b == ' ' || b == '\t') {
                inWhitespace = true;
            } else {
                if (inWhitespace) {
                    line.write(' ');
                    inWhitespace = false;
                }
                line.write(b);
            }
        }
        return line.toByteArray();
    }
}
