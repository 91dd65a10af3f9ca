package org.broadside.validation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Decodes an operator's file as UTF-8 and nothing else, so that its bytes stand for exactly one text.
 * A leading byte order mark, which some editors write, is dropped: no reader should see it, and a file
 * with one reads as the same text as the file without.
 */
public final class StrictUtf8 {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private StrictUtf8() {
    }

    /**
     * A decoded file. Bad bytes are never taken for what was meant: each line holding some is reported.
     * They stand as U+FFFD in the text only so that the rest of the file keeps its line numbers and can
     * still be read; a caller that needs the whole text refuses it unless {@link #isValid()}.
     *
     * @param text           the decoded text, without a leading byte order mark
     * @param malformedLines for each 1-based line with bad bytes, a message describing the first of them
     */
    public record Decoded(String text, SortedMap<Integer, String> malformedLines) {
        public Decoded {
            malformedLines = Collections.unmodifiableSortedMap(new TreeMap<>(malformedLines));
        }

        public boolean isValid() {
            return malformedLines.isEmpty();
        }
    }

    public static Decoded decode(byte[] bytes) {
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
            malformed.putIfAbsent(lines.lineAt(at), String.format(
                    "not valid UTF-8 (byte 0x%02X at byte %d of the line); save the file as UTF-8",
                    bytes[at] & 0xFF, at - lines.lineStart() + 1));
            out.put('\uFFFD');
            in.position(at + result.length());
        }
        decoder.flush(out);
        return new Decoded(out.flip().toString(), malformed);
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
