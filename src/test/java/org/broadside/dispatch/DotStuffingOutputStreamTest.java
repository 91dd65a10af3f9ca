package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
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
        byte[] alphabet = bytes(".\r\nab. \r\n\t-,=/");
        for (int round = 0; round < 2_000; round++) {
            byte[] content = new byte[random.nextInt(200)];
            for (int i = 0; i < content.length; i++) {
                content[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int split = 1 + random.nextInt(20);

            assertThat(onePass(content, split)).as("round %d", round).isEqualTo(angus(content, split));
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
