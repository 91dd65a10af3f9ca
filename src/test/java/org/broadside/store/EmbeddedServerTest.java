package org.broadside.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Optional;
import java.util.Properties;
import org.broadside.App;
import org.broadside.config.Settings;
import org.broadside.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2's auto-server, which lets the service and the CLI share a home, listens on loopback only, and the
 * database's directory (with the lock file naming that server) is its owner's alone.
 */
class EmbeddedServerTest {
    @TempDir
    Path dir;

    @Test
    void theAutoServerAnswersOnLoopbackAndNotOnTheMachinesOtherAddresses() throws Exception {
        Optional<InetAddress> outside = nonLoopbackAddress();
        assumeTrue(outside.isPresent(), "this machine has no address but loopback");
        new TestHome(dir);
        try (App app = App.open(Settings.load(dir))) {
            int port = autoServerPort();

            try (Socket local = new Socket()) {
                local.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
                assertThat(local.isConnected()).isTrue();
            }
            assertThatThrownBy(() -> {
                try (Socket remote = new Socket()) {
                    remote.connect(new InetSocketAddress(outside.get(), port), 2000);
                }
            }).as("reachable at " + outside.get()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void theDatabaseDirectoryIsCreatedForItsOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        new TestHome(dir);
        try (App app = App.open(Settings.load(dir))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))))
                    .isEqualTo("rwx------");
            assertThat(dir.resolve("data/broadside.lock.db")).exists();
        }
    }

    /** H2 writes where its auto-server listens into the lock file, for the next process to connect to. */
    private int autoServerPort() throws IOException {
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("data/broadside.lock.db"))) {
            lock.load(in);
        }
        String server = lock.getProperty("server");
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (!address.isLoopbackAddress() && address instanceof java.net.Inet4Address && network.isUp()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
