package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import javax.net.SocketFactory;
import org.broadside.config.ConfigurationException;
import org.broadside.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sender's and the throttle's settings: bad values are refused naming the setting. */
class DispatchSettingsTest {
    @TempDir
    Path home;

    private Settings with(String key, String value) {
        Properties system = new Properties();
        system.setProperty(key, value);
        return Settings.load(home, Map.of(), system);
    }

    @Test
    void badConnectionSettingsNameTheSetting() {
        assertThatThrownBy(() -> SmtpSettings.from(with("broadside.smtp.connections", "0")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("broadside.smtp.connections must be 1 or more, not 0");
        assertThatThrownBy(() -> SmtpSettings.from(with("broadside.smtp.messages-per-connection", "-1")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("broadside.smtp.messages-per-connection must be 0 (no cap) or more");
    }

    @Test
    void badThrottleSettingsNameTheSetting() {
        for (String rate : new String[] {"-1", "fast", "NaN"}) {
            assertThatThrownBy(() -> ThrottleSettings.from(with("broadside.throttle.rate", rate)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("broadside.throttle.rate must be a number of 0 or more, not '" + rate + "'");
        }
        assertThatThrownBy(() -> ThrottleSettings.from(with("broadside.throttle.domain-in-flight", "-2")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("broadside.throttle.domain-in-flight must be 0 or more, not -2");
        assertThat(ThrottleSettings.from(with("broadside.throttle.domain-rate", "0.5")).domainRate()).isEqualTo(0.5);
    }

    @Test
    void smtpSocketsAreOpenedWithNagleOff() throws Exception {
        SmtpSettings smtp = SmtpSettings.from(with("broadside.smtp.host", "127.0.0.1"));
        SocketFactory factory = (SocketFactory) SmtpTransport.properties(smtp).get("mail.smtp.socketFactory");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket socket = factory.createSocket("127.0.0.1", server.getLocalPort())) {
            assertThat(socket.getTcpNoDelay()).as("each message's last write must not wait for an ACK").isTrue();
        }
    }
}
