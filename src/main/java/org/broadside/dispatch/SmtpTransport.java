package org.broadside.dispatch;

import jakarta.mail.Session;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.broadside.config.Hosts;

/**
 * Sends through an SMTP server over a pool of kept-open connections ({@code broadside.smtp.connections}), many
 * messages per connection: opening one per message is what makes a blast slow. Each sending thread takes a
 * free connection, holds a place for the recipient's domain while it sends (see {@link Throttle}), and gives
 * the connection back.
 */
public final class SmtpTransport implements Transport, AutoCloseable {
    private final Throttle throttle;
    private final BlockingQueue<SmtpConnection> free;

    public SmtpTransport(SmtpSettings settings, Throttle throttle) {
        this.throttle = throttle;
        Session session = Session.getInstance(properties(settings));
        this.free = new ArrayBlockingQueue<>(settings.connections());
        for (int i = 0; i < settings.connections(); i++) {
            free.add(new SmtpConnection(settings, session));
        }
    }

    static Properties properties(SmtpSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.connectiontimeout", Integer.toString(settings.timeoutMillis()));
        properties.setProperty("mail.smtp.timeout", Integer.toString(settings.timeoutMillis()));
        SmtpSettings.StartTls startTls = effectiveStartTls(settings);
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(startTls != SmtpSettings.StartTls.OFF));
        properties.setProperty("mail.smtp.starttls.required",
                Boolean.toString(startTls == SmtpSettings.StartTls.REQUIRED));
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.username() != null));
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        // Writes are bounded by our sockets' watchdog, not by mail.smtp.writetimeout; reads by mail.smtp.timeout,
        // which the watchdog keeps instead of the socket (see SocketWatchdog).
        properties.put("mail.smtp.socketFactory",
                new SmtpSocketFactory(java.time.Duration.ofMillis(settings.timeoutMillis())));
        return properties;
    }

    /**
     * STARTTLS as configured, except that "required" is relaxed to "optional" for a server on this machine:
     * loopback traffic never leaves it, and local relays (Postfix on localhost, a test server) often offer no TLS.
     */
    static SmtpSettings.StartTls effectiveStartTls(SmtpSettings settings) {
        return settings.startTls() == SmtpSettings.StartTls.REQUIRED && Hosts.isLoopback(settings.host())
                ? SmtpSettings.StartTls.OPTIONAL
                : settings.startTls();
    }


    @Override
    public String send(OutgoingEmail email) {
        try (Throttle.Permit place = throttle.inFlight(email.recipient())) {
            SmtpConnection connection = free.take();
            try {
                return connection.send(email);
            } finally {
                free.add(connection);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted before sending", false, e);
        }
    }

    /** Ends every conversation; call once no thread is sending. */
    @Override
    public void close() {
        for (SmtpConnection connection : free) {
            connection.close();
        }
    }
}
