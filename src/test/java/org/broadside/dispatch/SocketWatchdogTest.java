package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A write to a server that stopped reading fails after the write timeout, a read from a server that does not answer
 * after the read timeout; an idle connection stays open.
 */
class SocketWatchdogTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    @Timeout(30) // without the watchdog the write would block for good
    void aWriteBlockedLongerThanTheTimeoutFailsAsALostConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new SmtpSocketFactory(TIMEOUT).createSocket("127.0.0.1", server.getLocalPort());
             Socket neverReads = server.accept()) {
            OutputStream out = client.getOutputStream();
            byte[] chunk = new byte[64 * 1024];
            long started = System.nanoTime();

            assertThatThrownBy(() -> {
                for (int i = 0; i < 100_000; i++) { // 6 GB: far beyond any socket buffer
                    out.write(chunk);
                }
            }).isInstanceOf(IOException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("not before the timeout, and not much after it")
                    .isGreaterThanOrEqualTo(TIMEOUT)
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(client.isClosed()).isTrue();
            assertThat(neverReads.isClosed()).isFalse();
        }
    }

    @Test
    @Timeout(30) // without the watchdog the read would block for good: the socket itself has no timeout
    void aReadBlockedLongerThanItsTimeoutFailsAsALostConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new SmtpSocketFactory(Duration.ofMinutes(5)).createSocket("127.0.0.1",
                     server.getLocalPort());
             Socket neverAnswers = server.accept()) {
            client.setSoTimeout((int) TIMEOUT.toMillis());
            InputStream in = client.getInputStream();
            long started = System.nanoTime();

            assertThatThrownBy(in::read).isInstanceOf(IOException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("not before the timeout, and not much after it")
                    .isGreaterThanOrEqualTo(TIMEOUT)
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(client.getSoTimeout()).isEqualTo((int) TIMEOUT.toMillis());
            assertThat(client.isClosed()).isTrue();
        }
    }

    @Test
    void aReplyWithinTheReadTimeoutIsRead() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new SmtpSocketFactory(TIMEOUT).createSocket("127.0.0.1", server.getLocalPort());
             Socket peer = server.accept()) {
            client.setSoTimeout((int) TIMEOUT.multipliedBy(4).toMillis());
            Thread answer = new Thread(() -> {
                try {
                    Thread.sleep(TIMEOUT.toMillis()); // longer than a check interval, well within the timeout
                    peer.getOutputStream().write("220 ready\r\n".getBytes());
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            answer.start();

            byte[] reply = client.getInputStream().readNBytes(11);
            answer.join();

            assertThat(new String(reply)).isEqualTo("220 ready\r\n");
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void aConnectionIdleLongerThanTheTimeoutIsLeftOpen() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new SmtpSocketFactory(TIMEOUT).createSocket("127.0.0.1", server.getLocalPort());
             Socket peer = server.accept()) {
            client.getOutputStream().write("EHLO test\r\n".getBytes());

            Thread.sleep(TIMEOUT.multipliedBy(3).toMillis());

            assertThat(client.isClosed()).as("only a blocked write counts, not time between writes").isFalse();
            client.getOutputStream().write("QUIT\r\n".getBytes());
            byte[] received = peer.getInputStream().readNBytes(17);
            assertThat(new String(received)).isEqualTo("EHLO test\r\nQUIT\r\n");
        }
    }
}
