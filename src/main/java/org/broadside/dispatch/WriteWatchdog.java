package org.broadside.dispatch;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds how long a write to an SMTP server may block: a server that stops reading (hung, or its disk full) would
 * otherwise hold a sending thread until TCP gives up, which can take a quarter of an hour. Reads are bounded by
 * the socket's own timeout; writes have none, so the sockets made here note when a write began, and one thread
 * closes any socket whose write has gone on longer than the timeout. The blocked write then fails like a lost
 * connection (the message is offered again on a fresh one).
 *
 * <p>Why not Angus's {@code mail.smtp.writetimeout}: it schedules a timer task for every write and cancels it
 * after, on a timer thread of its own per connection, so every write of every message woke that thread, and
 * every reconnect (each {@code broadside.smtp.messages-per-connection}) started a new one. Here a write costs two
 * volatile stores.
 */
final class WriteWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(WriteWatchdog.class);
    /** A blocked socket is closed at most this late; SMTP write timeouts are seconds to minutes. */
    static final long CHECK_EVERY_MILLIS = 250;
    /** One for the process: a daemon thread that sleeps between checks and holds nothing else. */
    private static final WriteWatchdog SHARED = new WriteWatchdog();

    private final Set<WatchedSocket> sockets = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService checker;

    private WriteWatchdog() {
    }

    /** A new unconnected socket whose writes are closed after blocking longer than the timeout. */
    static Socket newSocket(Duration writeTimeout) {
        return SHARED.watch(new WatchedSocket(SHARED, writeTimeout.toNanos()));
    }

    private synchronized Socket watch(WatchedSocket socket) {
        if (checker == null) {
            checker = PeriodicTask.start("broadside-smtp-write-watchdog", CHECK_EVERY_MILLIS, this::closeBlocked);
        }
        sockets.add(socket);
        return socket;
    }

    private void closeBlocked() {
        long now = System.nanoTime();
        for (WatchedSocket socket : sockets) {
            long since = socket.writingSince;
            if (socket.isClosed()) {
                sockets.remove(socket);
            } else if (since != 0 && now - since > socket.timeoutNanos) {
                LOG.warn("closing the connection to {}: a write has been blocked for more than {} ms",
                        socket.getRemoteSocketAddress(), TimeUnit.NANOSECONDS.toMillis(socket.timeoutNanos));
                try {
                    socket.close();
                } catch (IOException e) {
                    // Closing is all that can be done; the blocked writer gets its exception either way.
                }
            }
        }
    }

    /** A socket whose output stream records when a write began; zero while none is under way. */
    private static final class WatchedSocket extends Socket {
        private final WriteWatchdog watchdog;
        private final long timeoutNanos;
        private volatile long writingSince;
        private OutputStream watched;

        private WatchedSocket(WriteWatchdog watchdog, long timeoutNanos) {
            this.watchdog = watchdog;
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (watched == null) {
                watched = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(int b) throws IOException {
                        begin();
                        try {
                            out.write(b);
                        } finally {
                            writingSince = 0;
                        }
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        begin();
                        try {
                            out.write(bytes, offset, length);
                        } finally {
                            writingSince = 0;
                        }
                    }
                };
            }
            return watched;
        }

        private void begin() {
            writingSince = System.nanoTime() | 1; // never 0, which means "not writing"
        }

        @Override
        public synchronized void close() throws IOException {
            watchdog.sockets.remove(this);
            super.close();
        }
    }
}
