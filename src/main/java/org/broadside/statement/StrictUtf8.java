package org.broadside.statement;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;

/**
 * Decodes a statement file as UTF-8, refusing anything else: approval pins a hash of the bytes, so the
 * bytes must stand for exactly one text, with no replacement characters standing in for what was meant.
 */
final class StrictUtf8 {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private StrictUtf8() {
    }

    /** The text without a leading byte order mark, which some editors write and no reader should see. */
    static Optional<String> decode(byte[] bytes, Problems problems) {
        CharsetDecoder decoder = UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more UTF-16 chars than it has bytes.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            problems.add(lineOf(bytes, offset),
                    String.format("not valid UTF-8 (byte 0x%02X at offset %d)", bytes[offset] & 0xFF, offset));
            return Optional.empty();
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return Optional.of(!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text);
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
