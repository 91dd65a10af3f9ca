package org.broadside.dispatch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.SocketFactory;

/**
 * The sockets SMTP connections use: TCP_NODELAY, and reads and writes bounded by the {@link SocketWatchdog}.
 *
 * <p>TCP_NODELAY: SMTP sends each message's final "." as a small write and waits for the reply; with Nagle's
 * algorithm that write sits until the server's delayed ACK, some 40 ms, which capped a connection at about 20
 * messages a second. STARTTLS layers TLS over these sockets, so both hold there too.
 */
final class SmtpSocketFactory extends SocketFactory {
    private final Duration writeTimeout;

    SmtpSocketFactory(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = SocketWatchdog.newSocket(writeTimeout);
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    private Socket connected(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        Socket socket = createSocket();
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
