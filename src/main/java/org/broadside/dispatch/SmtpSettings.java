package org.broadside.dispatch;

import java.util.Locale;
import org.broadside.config.ConfigurationException;
import org.broadside.config.Settings;

/**
 * How to reach the SMTP server and how hard to use it; the password comes from the environment
 * (BROADSIDE_SMTP_PASSWORD).
 *
 * @param connections           connections kept open in parallel
 * @param messagesPerConnection messages sent on one connection before it is closed and opened anew; 0 = no cap
 * @param pipelining            send MAIL FROM, RCPT TO and DATA without waiting for each reply (RFC 2920) when the
 *                              server advertises PIPELINING
 */
public record SmtpSettings(String host, int port, String username, String password, StartTls startTls,
                           int timeoutMillis, int connections, int messagesPerConnection,
                           boolean pipelining) {

    public SmtpSettings {
        if (connections < 1) {
            throw new ConfigurationException("broadside.smtp.connections must be 1 or more, not " + connections);
        }
        if (messagesPerConnection < 0) {
            throw new ConfigurationException("broadside.smtp.messages-per-connection must be 0 (no cap) or more,"
                    + " not " + messagesPerConnection);
        }
    }

    public enum StartTls {
        /** Refuse to send unless the connection upgraded to TLS. */
        REQUIRED,
        /** Upgrade when the server offers it. */
        OPTIONAL,
        OFF
    }

    public static SmtpSettings from(Settings settings) {
        String startTls = settings.require("broadside.smtp.starttls");
        StartTls mode;
        try {
            mode = StartTls.valueOf(startTls.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("broadside.smtp.starttls must be required, optional or off, not '"
                    + startTls + "'");
        }
        return new SmtpSettings(settings.require("broadside.smtp.host"), settings.integer("broadside.smtp.port"),
                settings.get("broadside.smtp.username", null), settings.get("broadside.smtp.password", null),
                mode, settings.integer("broadside.smtp.timeout-ms"), settings.integer("broadside.smtp.connections"),
                settings.integer("broadside.smtp.messages-per-connection"),
                settings.bool("broadside.smtp.pipelining"));
    }

    @Override
    public String toString() {
        // Never print the password, not even in a stack trace.
        return "SmtpSettings[" + username + "@" + host + ":" + port + ", starttls=" + startTls
                + ", connections=" + connections + ", pipelining=" + pipelining + "]";
    }
}
