package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoalescingOutputStreamTest {

    @Test
    void keepsEverythingUntilAFlushThatIsNotHeld() throws IOException {
        RecordingStream server = new RecordingStream();
        CoalescingOutputStream stream = new CoalescingOutputStream(server);

        stream.holdFlushes(true);
        stream.write("MAIL FROM:<a@example.org>\r\n".getBytes());
        stream.flush();
        stream.write("RCPT TO:<b@example.org>\r\n".getBytes());
        stream.flush();
        stream.holdFlushes(false);
        assertThat(server.writes).isEmpty();
        stream.write("DATA\r\n".getBytes());
        stream.flush();

        assertThat(server.writes).containsExactly("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\nDATA\r\n");
        assertThat(server.flushes).isEqualTo(1);
    }

    @Test
    void contentBeyondTheLimitGoesOutInPiecesNoLargerThanItIntactAndInOrder() throws IOException {
        RecordingStream server = new RecordingStream();
        CoalescingOutputStream stream = new CoalescingOutputStream(server);
        Random random = new Random(7);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        List<Integer> largePieces = new ArrayList<>();
        while (expected.size() < 3 * CoalescingOutputStream.LIMIT) {
            byte[] piece = new byte[random.nextInt(3) == 0 ? random.nextInt(2 * CoalescingOutputStream.LIMIT)
                    : random.nextInt(100)];
            random.nextBytes(piece);
            if (piece.length > CoalescingOutputStream.LIMIT) {
                largePieces.add(piece.length);
            }
            if (piece.length == 1) {
                stream.write(piece[0]);
            } else {
                stream.write(piece, 0, piece.length);
            }
            expected.write(piece);
        }
        stream.flush();

        assertThat(server.bytes.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(largePieces).isNotEmpty();
        assertThat(server.sizes.stream().filter(size -> size > CoalescingOutputStream.LIMIT).toList())
                .as("only a write larger than the limit goes out larger, on its own").isEqualTo(largePieces);
    }

    private static final class RecordingStream extends java.io.OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<String> writes = new ArrayList<>();
        final List<Integer> sizes = new ArrayList<>();
        int flushes;

        @Override
        public void write(int b) {
            throw new AssertionError("byte by byte");
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            writes.add(new String(b, off, len));
            sizes.add(len);
        }

        @Override
        public void flush() {
            flushes++;
        }
    }
}
