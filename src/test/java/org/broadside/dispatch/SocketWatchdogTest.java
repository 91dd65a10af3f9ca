package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
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
    void aNegativeReadTimeoutIsRefusedAsByAnySocket() throws Exception {
        try (Socket socket = new SmtpSocketFactory(TIMEOUT).createSocket()) {
            assertThatThrownBy(() -> socket.setSoTimeout(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThat(socket.getSoTimeout()).isZero();
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

    /**
     * After STARTTLS, Angus reads and writes through a TLS socket layered over ours and sets the read timeout on it:
     * the layered socket hands both the streams and the timeout down to ours, so the bound still holds.
     */
    @Test
    @Timeout(30)
    void aReadOverTlsLayeredOnTheSocketIsBoundedToo() throws Exception {
        SSLContext server = serverContext();
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket plain = new SmtpSocketFactory(Duration.ofMinutes(5)).createSocket("127.0.0.1",
                     listener.getLocalPort())) {
            Thread greeter = new Thread(() -> {
                try (SSLSocket peer = (SSLSocket) listener.accept()) {
                    peer.getOutputStream().write("220 ready\r\n".getBytes());
                    peer.getOutputStream().flush();
                    peer.getInputStream().read(); // then says nothing more until the client gives up
                } catch (IOException closed) {
                    // The client closed the connection: that is the point.
                }
            });
            greeter.start();
            SSLSocket tls = (SSLSocket) trustingClient().getSocketFactory()
                    .createSocket(plain, "127.0.0.1", listener.getLocalPort(), true);
            tls.setSoTimeout((int) TIMEOUT.toMillis());
            InputStream in = tls.getInputStream();

            assertThat(new String(in.readNBytes(11))).isEqualTo("220 ready\r\n");
            long started = System.nanoTime();
            assertThatThrownBy(in::read).isInstanceOf(IOException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isGreaterThanOrEqualTo(TIMEOUT)
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(plain.getSoTimeout()).as("the timeout reached our socket").isEqualTo((int) TIMEOUT.toMillis());
            assertThat(plain.isClosed()).isTrue();
            greeter.join();
        }
    }

    /** A server with GreenMail's test key (its bundled greenmail.p12). */
    private static SSLContext serverContext() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream p12 = SocketWatchdogTest.class.getClassLoader().getResourceAsStream("greenmail.p12")) {
            assertThat(p12).as("greenmail.p12 on the test class path").isNotNull();
            keys.load(p12, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    /** A client that trusts the test key: this test is about timeouts, not certificates. */
    private static SSLContext trustingClient() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        return context;
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
