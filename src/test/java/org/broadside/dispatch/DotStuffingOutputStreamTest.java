package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.IntSupplier;
import org.eclipse.angus.mail.smtp.SMTPOutputStream;
import org.junit.jupiter.api.Test;

/** The one-pass content stream writes exactly what Angus's SMTPOutputStream writes, however the content is split. */
class DotStuffingOutputStreamTest {

    @Test
    void doublesALeadingDotOnEveryLineAndEndsTheLastLine() throws IOException {
        String content = ".first\r\nplain\r\n..two\r\n.\r\nno line end";

        assertThat(onePass(bytes(content), 1 << 20))
                .isEqualTo("..first\r\nplain\r\n...two\r\n..\r\nno line end\r\n");
    }

    @Test
    void turnsBareCarriageReturnsAndLineFeedsIntoCrlfAsAngusDoes() throws IOException {
        String content = "a\nb\rc\r\r\n.d\n.e\r.f";

        assertThat(onePass(bytes(content), 1 << 20)).isEqualTo(angus(bytes(content), 1 << 20))
                .isEqualTo("a\r\nb\r\nc\r\n\r\n..d\r\n..e\r\n..f\r\n");
    }

    @Test
    void writesWhatAngusWritesForRandomContentSplitAnyhow() throws IOException {
        Random random = new Random(20);
        // Line ends, dots, text, and bytes on either side of CR and LF: other control characters, and UTF-8's
        // bytes, negative in Java. Not 0xFF: Angus keeps the last byte as a signed value, where -1 means "start of
        // content", and so doubles a "." that follows 0xFF at the end of a write.
        byte[] alphabet = bytes(".\r\nab. \r\n\t-,=/\u000b\u000c\u0000\u0080\u00c3");
        assertWritesWhatAngusWrites(random, 2_000, 200, 20, () -> alphabet[random.nextInt(alphabet.length)]);
    }

    @Test
    void writesWhatAngusWritesForLongRandomContentWrittenInLargePieces() throws IOException {
        Random random = new Random(21);
        byte[] alphabet = bytes("abcdefgh ijklmnop=/-,.ABCDEFGH\u0080\u00c3\r\n.");
        // Mostly text, as a real message (the last three bytes, one time in ten): long runs between line ends,
        // skipped eight bytes at a time.
        assertWritesWhatAngusWrites(random, 300, 3_000, 400,
                () -> alphabet[random.nextInt(random.nextInt(10) == 0 ? alphabet.length : alphabet.length - 3)]);
    }

    /** Random content of up to maxLength bytes, written in pieces of up to maxSplit, through both streams. */
    private static void assertWritesWhatAngusWrites(Random random, int rounds, int maxLength, int maxSplit,
                                                    IntSupplier nextByte) throws IOException {
        for (int round = 0; round < rounds; round++) {
            byte[] content = new byte[random.nextInt(maxLength)];
            for (int i = 0; i < content.length; i++) {
                content[i] = (byte) nextByte.getAsInt();
            }
            int split = 1 + random.nextInt(maxSplit);

            assertThat(onePass(content, split)).as("round %d", round).isEqualTo(angus(content, split));
        }
    }

    @Test
    void findsTheFirstControlCharacterUpToCarriageReturnAmongAnyOtherBytesAtAnyPosition() {
        byte[] b = new byte[19];
        for (int filler = '\r' + 1; filler < 256; filler++) { // every byte but 0..CR, those above 0x7F too
            for (int value = 0; value < 256; value++) {
                for (int at = 0; at < b.length; at++) {
                    java.util.Arrays.fill(b, (byte) filler);
                    b[at] = (byte) value;
                    int expected = value <= '\r' ? at : b.length;

                    assertThat(DotStuffingOutputStream.nextControl(b, 0, b.length))
                            .as("0x%02x at %d among 0x%02x", value, at, filler & 0xff).isEqualTo(expected);
                    assertThat(DotStuffingOutputStream.nextControl(b, at, b.length)).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void handsEachWriteDownInOneCall() throws IOException {
        int[] writes = {0};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("byte by byte");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes[0]++;
            }
        };
        DotStuffingOutputStream stream = new DotStuffingOutputStream(counting);

        stream.write(bytes("line\r\n.line\r\n".repeat(1000)));

        assertThat(writes[0]).isEqualTo(1);
    }

    /** Writes content in pieces of at most split bytes, single bytes with write(int), and ends the data. */
    private static String onePass(byte[] content, int split) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        DotStuffingOutputStream stream = new DotStuffingOutputStream(wire);
        writeSplit(stream, content, split);
        stream.endLine();
        return wire.toString(StandardCharsets.ISO_8859_1);
    }

    private static String angus(byte[] content, int split) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        SMTPOutputStream stream = new SMTPOutputStream(wire);
        writeSplit(stream, content, split);
        stream.ensureAtBOL();
        return wire.toString(StandardCharsets.ISO_8859_1);
    }

    private static void writeSplit(OutputStream stream, byte[] content, int split) throws IOException {
        for (int off = 0; off < content.length; off += split) {
            int len = Math.min(split, content.length - off);
            if (len == 1) {
                stream.write(content[off]);
            } else {
                stream.write(content, off, len);
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
