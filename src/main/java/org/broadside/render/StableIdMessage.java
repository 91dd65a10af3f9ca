package org.broadside.render;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A MimeMessage whose Message-ID is ours. MimeMessage would invent a new one in every saveChanges(),
 * but the ledger stores the id so that a retried send is recognisably the same message, and bounces
 * (DSNs quoting the Message-ID) can be matched to the recipient.
 *
 * <p>An SMTPMessage, so that it carries its own envelope sender (a VERP bounce address per delivery) to
 * whichever SMTP connection sends it.
 */
final class StableIdMessage extends SMTPMessage {
    private final String messageId;

    /** @param messageId without angle brackets, already checked */
    StableIdMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    /**
     * Makes the message complete and saved with this body, so that {@code writeTo} writes the headers and then these
     * bytes as they are (MimeMessage does that for a saved, unmodified message) instead of serializing a MIME tree.
     * Sets the headers saveChanges would: MIME-Version, our Message-ID and the Content-Type.
     */
    void setSavedBody(AlternativeBody body) throws MessagingException {
        setHeader("MIME-Version", "1.0");
        updateMessageID();
        setHeader("Content-Type", body.contentType());
        content = body.bytes();
        modified = false;
        saved = true;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", "<" + messageId + ">");
    }
}
