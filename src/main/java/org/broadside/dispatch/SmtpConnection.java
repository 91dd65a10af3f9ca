package org.broadside.dispatch;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * One SMTP conversation kept open across messages, used by one thread at a time (the pool hands it out).
 * It opens lazily, says QUIT after its cap of messages (providers limit messages per connection) or when it
 * has been idle long enough that the server has likely dropped it, and opens afresh when the server closed it:
 * after a 421 or a broken connection the message is offered once more on a new connection before the attempt
 * counts as failed.
 */
final class SmtpConnection {
    /** Servers commonly drop a client idle for five minutes (Postfix's smtpd_timeout); stay well inside that. */
    private static final long MAX_IDLE_NANOS = 60_000_000_000L;

    private final SmtpSettings settings;
    private final Session session;
    private PipeliningSmtpTransport transport;
    private int sentOnThis;
    private long lastUsed;

    SmtpConnection(SmtpSettings settings, Session session) {
        this.settings = settings;
        this.session = session;
    }

    /** Sends one message; returns the server's reply. */
    String send(OutgoingEmail email) {
        Address[] to;
        try {
            to = new Address[] {new InternetAddress(email.recipient(), true)};
        } catch (MessagingException e) {
            throw new DeliveryFailedException("not an address: " + e.getMessage(), true, e);
        }
        try {
            return attempt(email, to);
        } catch (ConnectionLost first) {
            // The message was not taken (a 421 before the final reply, or the connection was already gone):
            // one more try on a fresh connection, so a server's routine reconnect costs no retry delay.
            try {
                return attempt(email, to);
            } catch (ConnectionLost second) {
                throw new DeliveryFailedException(where() + ": " + second.getMessage(), false, second.getCause());
            }
        }
    }

    private String attempt(OutgoingEmail email, Address[] to) throws ConnectionLost {
        try {
            PipeliningSmtpTransport open = open();
            open.sendMessage(email.message(), to);
            String reply = open.getLastServerResponse();
            lastUsed = System.nanoTime();
            if (++sentOnThis >= settings.messagesPerConnection() && settings.messagesPerConnection() > 0) {
                close();
            }
            return reply;
        } catch (SendFailedException e) {
            DeliveryFailedException rejected = rejected(e);
            if (rejected == null) {
                close();
                throw new ConnectionLost(e);
            }
            throw rejected;
        } catch (MessagingException e) {
            close();
            throw new ConnectionLost(e);
        }
    }

    private PipeliningSmtpTransport open() throws MessagingException {
        if (transport != null && (System.nanoTime() - lastUsed > MAX_IDLE_NANOS || transport.hasClosed())) {
            // Idle too long, or closed by the transport itself after a refusal it could not reset.
            close();
        }
        if (transport == null) {
            PipeliningSmtpTransport fresh = new PipeliningSmtpTransport(session, settings.pipelining());
            fresh.connect(settings.host(), settings.port(), settings.username(), settings.password());
            transport = fresh;
            sentOnThis = 0;
            lastUsed = System.nanoTime();
        }
        return transport;
    }

    /**
     * The server's refusal of the message or the recipient, its reply code saying whether trying again can
     * help; null for a 421 (the server is closing the connection) or a failure without a reply code.
     */
    private static DeliveryFailedException rejected(SendFailedException e) {
        int code = -1;
        String reply = e.getMessage();
        for (Exception cause = e; cause != null;
             cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            if (cause instanceof SMTPAddressFailedException address) {
                code = address.getReturnCode();
                reply = address.getMessage();
            } else if (cause instanceof SMTPSendFailedException send && code < 0) {
                code = send.getReturnCode();
                reply = send.getMessage();
            }
        }
        if (code == 421 || code < 0) {
            return null;
        }
        return new DeliveryFailedException(reply == null ? "rejected" : reply.strip(), code >= 500, e);
    }

    /** Ends the conversation politely if it can; a connection already broken is just dropped. */
    void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException alreadyGone) {
                // Closing a connection that failed can fail too; it is being dropped either way.
            }
            transport = null;
        }
    }

    private String where() {
        return settings.host() + ":" + settings.port();
    }

    /** The connection broke or the server is closing it; the message was not accepted on it. */
    private static final class ConnectionLost extends Exception {
        ConnectionLost(MessagingException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
