package org.broadside.validation;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class StrictUtf8Test {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void decodesUtf8InAnyScript() {
        StrictUtf8.Decoded decoded = StrictUtf8.decode("Día\n移工\n".getBytes(UTF_8));

        assertThat(decoded.isValid()).isTrue();
        assertThat(decoded.text()).isEqualTo("Día\n移工\n");
    }

    @Test
    void dropsALeadingByteOrderMarkOnly() {
        byte[] marked = concat(BOM, "a\uFEFFb".getBytes(UTF_8));

        assertThat(StrictUtf8.decode(marked).text()).isEqualTo("a\uFEFFb");
        assertThat(StrictUtf8.decode(BOM).text()).isEmpty();
    }

    @Test
    void reportsTheFirstBadByteOfEachLineAndKeepsTheLineNumbersOfTheRest() {
        byte[] latin1 = "ok\nCafé, thé\nok\nné\n".getBytes(ISO_8859_1);

        StrictUtf8.Decoded decoded = StrictUtf8.decode(latin1);

        assertThat(decoded.isValid()).isFalse();
        assertThat(decoded.malformedLines()).containsExactly(
                entry(2, "not valid UTF-8 (byte 0xE9 at byte 4 of the line); save the file as UTF-8"),
                entry(4, "not valid UTF-8 (byte 0xE9 at byte 2 of the line); save the file as UTF-8"));
        assertThat(decoded.text().lines()).containsExactly("ok", "Caf\uFFFD, th\uFFFD", "ok", "n\uFFFD");
    }

    @Test
    void countsBytesOfTheFirstLineAfterTheByteOrderMark() {
        byte[] marked = concat(BOM, new byte[] {'a', (byte) 0xFF});

        assertThat(StrictUtf8.decode(marked).malformedLines()).containsExactly(
                entry(1, "not valid UTF-8 (byte 0xFF at byte 2 of the line); save the file as UTF-8"));
    }

    @Test
    void refusesATruncatedSequenceAtTheEnd() {
        byte[] truncated = {'-', '-', '-', '\n', (byte) 0xC3};

        assertThat(StrictUtf8.decode(truncated).malformedLines()).containsOnlyKeys(2);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
