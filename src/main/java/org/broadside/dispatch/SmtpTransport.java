package org.broadside.dispatch;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends through an SMTP server over one kept-open connection (opening one per message is what makes a
 * blast slow). Reconnects when the server has closed it. Calls are serialised: one connection, one
 * conversation at a time.
 */
public final class SmtpTransport implements Transport, AutoCloseable {
    private final SmtpSettings settings;
    private final Session session;
    private SMTPTransport connection;

    public SmtpTransport(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    static Properties properties(SmtpSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.connectiontimeout", Integer.toString(settings.timeoutMillis()));
        properties.setProperty("mail.smtp.timeout", Integer.toString(settings.timeoutMillis()));
        properties.setProperty("mail.smtp.writetimeout", Integer.toString(settings.timeoutMillis()));
        SmtpSettings.StartTls startTls = effectiveStartTls(settings);
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(startTls != SmtpSettings.StartTls.OFF));
        properties.setProperty("mail.smtp.starttls.required",
                Boolean.toString(startTls == SmtpSettings.StartTls.REQUIRED));
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.username() != null));
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        return properties;
    }

    /**
     * STARTTLS as configured, except that "required" is relaxed to "optional" for a server on this machine:
     * loopback traffic never leaves it, and local relays (Postfix on localhost, a test server) often offer no TLS.
     */
    static SmtpSettings.StartTls effectiveStartTls(SmtpSettings settings) {
        return settings.startTls() == SmtpSettings.StartTls.REQUIRED && isLoopback(settings.host())
                ? SmtpSettings.StartTls.OPTIONAL
                : settings.startTls();
    }

    private static boolean isLoopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    @Override
    public synchronized String send(OutgoingEmail email) {
        try {
            Address[] to = {new InternetAddress(email.recipient(), true)};
            SMTPTransport open = connected();
            open.sendMessage(email.message(), to);
            return open.getLastServerResponse();
        } catch (SendFailedException e) {
            throw rejected(e);
        } catch (MessagingException e) {
            closeQuietly();
            throw new DeliveryFailedException(settings.host() + ":" + settings.port() + ": " + e.getMessage(),
                    false, e);
        }
    }

    private SMTPTransport connected() throws MessagingException {
        if (connection == null || !connection.isConnected()) {
            SMTPTransport fresh = (SMTPTransport) session.getTransport("smtp");
            fresh.connect(settings.host(), settings.port(), settings.username(), settings.password());
            connection = fresh;
        }
        return connection;
    }

    /** The server refused the message or the recipient: its reply code says whether trying again can help. */
    private DeliveryFailedException rejected(SendFailedException e) {
        int code = -1;
        String reply = e.getMessage();
        for (Exception cause = e; cause != null; cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            if (cause instanceof SMTPAddressFailedException address) {
                code = address.getReturnCode();
                reply = address.getMessage();
            } else if (cause instanceof SMTPSendFailedException send && code < 0) {
                code = send.getReturnCode();
                reply = send.getMessage();
            }
        }
        if (code == 421 || code < 0) {
            closeQuietly();
        }
        return new DeliveryFailedException(reply == null ? "rejected" : reply.strip(), code >= 500, e);
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (MessagingException alreadyGone) {
                // The connection is being dropped because it failed; a second failure to close it changes nothing.
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
