package org.broadside.audience;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A file's bytes decoded as UTF-8 (an initial byte order mark dropped), with the lines that are not UTF-8.
 * Bad bytes become U+FFFD so that the rest of the file still parses and keeps its line numbers; the rows
 * touching those lines are reported, not imported.
 *
 * @param text           the decoded text
 * @param malformedLines for each 1-based line with bad bytes, a description of the first of them
 */
record Utf8Text(String text, SortedMap<Integer, String> malformedLines) {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    Utf8Text {
        malformedLines = Collections.unmodifiableSortedMap(new TreeMap<>(malformedLines));
    }

    static Utf8Text decode(byte[] bytes) {
        int start = startsWithBom(bytes) ? BOM.length : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        // UTF-8 never yields more chars than bytes, so the buffer cannot overflow.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        LineCounter lines = new LineCounter(bytes, start);
        SortedMap<Integer, String> malformed = new TreeMap<>();
        CoderResult result;
        while ((result = decoder.decode(in, out, true)).isError()) {
            int at = in.position();
            int line = lines.lineAt(at);
            malformed.putIfAbsent(line, String.format(
                    "not valid UTF-8 (byte 0x%02X at byte %d of the line); save the file as UTF-8",
                    bytes[at], at - lines.lineStart() + 1));
            out.put('\uFFFD');
            in.position(at + result.length());
        }
        decoder.flush(out);
        return new Utf8Text(out.flip().toString(), malformed);
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= BOM.length && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }

    /** Counts LFs forward only, so that a file full of bad bytes is still scanned once. */
    private static final class LineCounter {
        private final byte[] bytes;
        private int scanned;
        private int line = 1;
        private int lineStart;

        LineCounter(byte[] bytes, int start) {
            this.bytes = bytes;
            this.scanned = start;
            this.lineStart = start;
        }

        int lineAt(int offset) {
            for (; scanned < offset; scanned++) {
                if (bytes[scanned] == '\n') {
                    line++;
                    lineStart = scanned + 1;
                }
            }
            return line;
        }

        int lineStart() {
            return lineStart;
        }
    }
}
