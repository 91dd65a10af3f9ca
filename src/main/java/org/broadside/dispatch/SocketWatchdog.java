package org.broadside.dispatch;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds how long a read from or a write to an SMTP server may block, with one thread for all connections: the
 * sockets made here note when a read or a write began, and that thread closes any socket whose read or write has
 * gone on longer than its timeout. The blocked call then fails like a lost connection (the message is offered
 * again on a fresh one).
 *
 * <p>Writes: a server that stops reading (hung, or its disk full) would otherwise hold a sending thread until TCP
 * gives up, which can take a quarter of an hour. Angus's {@code mail.smtp.writetimeout} schedules a timer task for
 * every write and cancels it after, on a timer thread of its own per connection: every write of every message woke
 * that thread. Here a write costs two volatile stores.
 *
 * <p>Reads: the timeout Angus asks for with {@link Socket#setSoTimeout} ({@code mail.smtp.timeout}) is kept here
 * and the socket itself reads without one. Java reads a socket that has a timeout by trying a non-blocking read,
 * polling, then reading again, three system calls for every reply awaited; without one, the read blocks in the
 * kernel, one call. The bound is the same, to within {@link #CHECK_EVERY_MILLIS}.
 */
final class SocketWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(SocketWatchdog.class);
    /** A blocked socket is closed at most this late; SMTP timeouts are seconds to minutes. */
    static final long CHECK_EVERY_MILLIS = 250;
    /** One for the process: a daemon thread that sleeps between checks and holds nothing else. */
    private static final SocketWatchdog SHARED = new SocketWatchdog();

    private final Set<WatchedSocket> sockets = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService checker;

    private SocketWatchdog() {
    }

    /**
     * A new unconnected socket whose writes are closed after blocking longer than the write timeout, and whose
     * reads after blocking longer than the timeout given to its {@link Socket#setSoTimeout} (none until then).
     */
    static Socket newSocket(Duration writeTimeout) {
        return SHARED.watch(new WatchedSocket(SHARED, writeTimeout.toNanos()));
    }

    private synchronized Socket watch(WatchedSocket socket) {
        if (checker == null) {
            checker = PeriodicTask.start("broadside-smtp-socket-watchdog", CHECK_EVERY_MILLIS, this::closeBlocked);
        }
        sockets.add(socket);
        return socket;
    }

    private void closeBlocked() {
        long now = System.nanoTime();
        for (WatchedSocket socket : sockets) {
            if (socket.isClosed()) {
                sockets.remove(socket);
            } else if (blockedTooLong(socket.writingSince, socket.writeTimeoutNanos, now)) {
                close(socket, "a write", socket.writeTimeoutNanos);
            } else if (blockedTooLong(socket.readingSince, socket.readTimeoutNanos(), now)) {
                close(socket, "a read", socket.readTimeoutNanos());
            }
        }
    }

    /** Zero since means no call under way, zero timeout no bound (as for {@link Socket#setSoTimeout}). */
    private static boolean blockedTooLong(long since, long timeoutNanos, long now) {
        return since != 0 && timeoutNanos > 0 && now - since > timeoutNanos;
    }

    private static void close(WatchedSocket socket, String call, long timeoutNanos) {
        LOG.warn("closing the connection to {}: {} has been blocked for more than {} ms",
                socket.getRemoteSocketAddress(), call, TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all that can be done; the blocked caller gets its exception either way.
        }
    }

    /** When a call began, never 0, which means "no call under way". */
    private static long start() {
        return System.nanoTime() | 1;
    }

    /** A socket whose streams record when a read or a write began; zero while none is under way. */
    private static final class WatchedSocket extends Socket {
        private final SocketWatchdog watchdog;
        private final long writeTimeoutNanos;
        private volatile int readTimeoutMillis;
        private volatile long writingSince;
        private volatile long readingSince;
        private OutputStream watchedOutput;
        private InputStream watchedInput;

        private WatchedSocket(SocketWatchdog watchdog, long writeTimeoutNanos) {
            this.watchdog = watchdog;
            this.writeTimeoutNanos = writeTimeoutNanos;
        }

        /** Kept for the watchdog; the socket itself reads without a timeout (see the class comment). */
        @Override
        public void setSoTimeout(int timeoutMillis) throws SocketException {
            if (timeoutMillis < 0) {
                throw new IllegalArgumentException("timeout can't be negative");
            }
            readTimeoutMillis = timeoutMillis;
        }

        private long readTimeoutNanos() {
            return TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis);
        }

        @Override
        public int getSoTimeout() {
            return readTimeoutMillis;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (watchedInput == null) {
                watchedInput = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        readingSince = start();
                        try {
                            return in.read();
                        } finally {
                            readingSince = 0;
                        }
                    }

                    @Override
                    public int read(byte[] bytes, int offset, int length) throws IOException {
                        readingSince = start();
                        try {
                            return in.read(bytes, offset, length);
                        } finally {
                            readingSince = 0;
                        }
                    }
                };
            }
            return watchedInput;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (watchedOutput == null) {
                watchedOutput = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(int b) throws IOException {
                        writingSince = start();
                        try {
                            out.write(b);
                        } finally {
                            writingSince = 0;
                        }
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        writingSince = start();
                        try {
                            out.write(bytes, offset, length);
                        } finally {
                            writingSince = 0;
                        }
                    }
                };
            }
            return watchedOutput;
        }

        @Override
        public synchronized void close() throws IOException {
            watchdog.sockets.remove(this);
            super.close();
        }
    }
}
