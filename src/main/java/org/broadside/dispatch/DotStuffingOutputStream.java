package org.broadside.dispatch;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A message's content on its way to the server after DATA, made transparent as RFC 5321 §4.5.2 asks (a line that
 * begins with "." gets a second one) with every line ending CRLF (§2.3.8: a bare CR or LF becomes CRLF). It writes
 * exactly what Angus's {@code SMTPOutputStream} over {@code CRLFOutputStream} writes, but those scan each byte twice
 * and call the stream below once or twice per line; this one copies each written array into a scratch array in
 * spans as long as the content allows (see {@link #writeChunk}) and hands it down in one write.
 *
 * <p>Nothing is flushed here: the socket is flushed when the end-of-data "." goes out, as Angus does.
 */
final class DotStuffingOutputStream extends OutputStream {
    /** Input handled per pass, so that the scratch array (at most twice this) stays small for a huge message. */
    private static final int CHUNK = 32 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long BELOW_0E = 0x0E0E_0E0E_0E0E_0E0EL;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

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

    /**
     * Copies the input in spans as long as possible: a CRLF stays inside a span, so in content with CRLF line ends
     * and no line starting with "." the whole chunk is one copy. A span ends only where something is added: a
     * second "." at a line start, the LF of a bare CR, the CR of a bare LF (or an LF dropped after a CR that ended
     * the previous write, which already went out as CRLF). Everything happens at a line end: text is skipped eight
     * bytes at a time (see {@link #nextControl}), and a "." is only looked for after a line end.
     */
    private void writeChunk(byte[] b, int off, int len) throws IOException {
        if (scratch.length < 2 * len) {
            scratch = new byte[2 * len]; // each input byte makes at most two: "\r" -> "\r\n", "." -> ".."
        }
        byte[] out = scratch;
        int n = 0;
        int end = off + len;
        int spanStart = off;
        if (b[off] == '.' && (previous == '\n' || previous == '\r')) {
            out[n++] = '.'; // the previous write ended a line
        }
        for (int i = nextControl(b, off, end); i < end; i = nextControl(b, i + 1, end)) {
            byte c = b[i];
            if (c == '\r') {
                if (i + 1 < end && b[i + 1] == '\n') {
                    i++; // a CRLF goes out as it is, inside the span
                } else {
                    n = copy(b, spanStart, i + 1, out, n);
                    out[n++] = '\n';
                    spanStart = i + 1;
                }
            } else if (c == '\n') {
                n = copy(b, spanStart, i, out, n);
                if ((i > off ? b[i - 1] : previous) != '\r') {
                    out[n++] = '\r'; // a bare LF; after a CR that ended the previous write, it was sent already
                    out[n++] = '\n';
                }
                spanStart = i + 1;
            } else {
                continue; // another control character, sent as it is
            }
            if (i + 1 < end && b[i + 1] == '.') { // i ends a line: a "." starting the next one is doubled
                n = copy(b, spanStart, i + 1, out, n);
                out[n++] = '.';
                spanStart = i + 1;
            }
        }
        n = copy(b, spanStart, end, out, n);
        previous = b[end - 1];
        atLineStart = previous == '\r' || previous == '\n';
        server.write(out, 0, n);
    }

    /**
     * The index of the first byte from {@code i} on that is a control character up to CR (so CR, LF, and TAB and a
     * few others that the caller passes over), or {@code end}. Eight bytes are tested at once, as one long: the
     * expression is non-zero exactly when one of them is below 0x0E (a byte of 0x80 or above has its high bit
     * set, which the {@code ~x} clears). This scan is most of what dot-stuffing costs, and read a byte at a time it
     * took three times as long in the JIT that Broadside runs with (C1).
     */
    static int nextControl(byte[] b, int i, int end) {
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long x = (long) LONGS.get(b, i);
            if (((x - BELOW_0E) & ~x & HIGH_BITS) != 0) {
                break; // one of these eight; found below
            }
        }
        for (; i < end; i++) {
            byte c = b[i];
            if (c >= 0 && c <= '\r') {
                return i;
            }
        }
        return end;
    }

    private static int copy(byte[] from, int start, int end, byte[] to, int at) {
        System.arraycopy(from, start, to, at, end - start);
        return at + end - start;
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
