package org.broadside.dispatch;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A message's content on its way to the server after DATA, made transparent as RFC 5321 §4.5.2 asks (a line that
 * begins with "." gets a second one) with every line ending CRLF (§2.3.8: a bare CR or LF becomes CRLF). It writes
 * exactly what Angus's {@code SMTPOutputStream} over {@code CRLFOutputStream} writes, but those scan each byte twice
 * and call the stream below once or twice per line; this one copies each written array line by line into a
 * scratch array and hands it down in one write, which for our messages (headers, then the saved content in one
 * {@code write}) means one socket write for the body.
 *
 * <p>Nothing is flushed here: the socket is flushed when the end-of-data "." goes out, as Angus does.
 */
final class DotStuffingOutputStream extends OutputStream {
    /** Input handled per pass, so that the scratch array (at most twice this) stays small for a huge message. */
    private static final int CHUNK = 32 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream server;
    private final byte[] one = new byte[1];
    private byte[] scratch;
    /** The last byte written, before any change; data begins as if after a line end, so a leading "." doubles. */
    private byte previous = '\n';
    private boolean atLineStart = true;

    DotStuffingOutputStream(OutputStream server) {
        this(server, new byte[0]);
    }

    /**
     * @param scratch an array to transform into, grown as needed: the previous message's {@link #scratch()}, so
     *                that a connection does not allocate twice the size of every message it sends
     */
    DotStuffingOutputStream(OutputStream server, byte[] scratch) {
        this.server = server;
        this.scratch = scratch;
    }

    /** The scratch array, for the next message's stream. */
    byte[] scratch() {
        return scratch;
    }

    @Override
    public void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        for (int start = off, end = off + len; start < end; start += CHUNK) {
            writeChunk(b, start, Math.min(CHUNK, end - start));
        }
    }

    private void writeChunk(byte[] b, int off, int len) throws IOException {
        if (scratch.length < 2 * len) {
            scratch = new byte[2 * len]; // each input byte makes at most two: "\r" -> "\r\n", "." -> ".."
        }
        byte[] out = scratch;
        byte last = previous;
        int n = 0;
        int i = off;
        int end = off + len;
        while (i < end) {
            if (b[i] == '.' && (last == '\n' || last == '\r')) {
                out[n++] = '.';
            }
            // The rest of the line goes out as it is, copied in one piece: most bytes cost one comparison pair.
            int lineEnd = i;
            while (lineEnd < end && b[lineEnd] != '\r' && b[lineEnd] != '\n') {
                lineEnd++;
            }
            System.arraycopy(b, i, out, n, lineEnd - i);
            n += lineEnd - i;
            if (lineEnd > i) {
                last = b[lineEnd - 1];
            }
            if (lineEnd == end) {
                break;
            }
            byte c = b[lineEnd];
            if (c == '\r' || last != '\r') { // the LF of a CRLF already went out with its CR
                out[n++] = '\r';
                out[n++] = '\n';
            }
            last = c;
            i = lineEnd + 1;
        }
        previous = last;
        atLineStart = last == '\r' || last == '\n';
        server.write(out, 0, n);
    }

    /** Ends the last line if the content did not, so that the end-of-data mark is "CRLF.CRLF" (§4.1.1.4). */
    void endLine() throws IOException {
        if (!atLineStart) {
            server.write(CRLF);
            atLineStart = true;
        }
    }

    /** The socket is flushed with the end-of-data mark, not in the middle of the content. */
    @Override
    public void flush() {
    }
}
