package org.broadside.dispatch;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Collects what goes to the SMTP server until it is flushed, so that everything sent before the client waits for a
 * reply leaves in one socket write: MAIL FROM, RCPT TO and DATA together when pipelined, and a message's headers,
 * content and end-of-data "." together. Angus writes through an 8 KB {@code BufferedOutputStream} and flushes after
 * every command; that is three writes for a pipelined envelope and three for a 20 KB message (headers, content,
 * "."), each one a system call and a wake-up of the server.
 *
 * <p>While {@link #holdFlushes} is on, flushes are ignored: the caller is sending commands whose replies it will read
 * later (RFC 2920), and the command it then waits on flushes them all. The buffer grows to the largest message sent
 * on the connection up to {@link #LIMIT}; beyond it, content goes out in pieces of that size.
 */
final class CoalescingOutputStream extends OutputStream {
    static final int LIMIT = 256 * 1024;

    private final OutputStream server;
    private byte[] buffer = new byte[8 * 1024];
    private int count;
    private boolean holdFlushes;

    CoalescingOutputStream(OutputStream server) {
        this.server = server;
    }

    /** While true, {@link #flush()} keeps the bytes here; {@link #close()} and a later flush send them. */
    void holdFlushes(boolean hold) {
        holdFlushes = hold;
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            makeRoom(1);
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > buffer.length - count) {
            makeRoom(len);
        }
        if (len > buffer.length - count) { // larger than the limit: it goes out on its own
            server.write(b, off, len);
            return;
        }
        System.arraycopy(b, off, buffer, count, len);
        count += len;
    }

    /** Grows the buffer toward the limit, or sends what it holds when the limit is reached. */
    private void makeRoom(int len) throws IOException {
        int needed = count + len;
        if (needed <= LIMIT) {
            buffer = Arrays.copyOf(buffer, Math.min(LIMIT, Math.max(needed, 2 * buffer.length)));
        } else {
            drain();
        }
    }

    private void drain() throws IOException {
        if (count > 0) {
            server.write(buffer, 0, count);
            count = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        if (!holdFlushes) {
            drain();
            server.flush();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            server.close();
        }
    }
}
