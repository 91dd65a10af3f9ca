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
    /** The subject as given to {@link #setEncodedSubject} and the header value it was encoded to. */
    private String subject;
    private String encodedSubject;

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

    /** Sets the Subject header to {@code encoded}, the RFC 2047 encoding of {@code subject}, and keeps both. */
    void setEncodedSubject(String subject, String encoded) throws MessagingException {
        setHeader("Subject", encoded);
        this.subject = subject;
        this.encodedSubject = encoded;
    }

    /**
     * The subject as set, while the header is still its encoding: Angus's SMTP transport asks for the subject on
     * every send (for a hook we do not use), and decoding the RFC 2047 words again was a tenth of sending's cost.
     */
    @Override
    public String getSubject() throws MessagingException {
        String header = getHeader("Subject", null);
        return header != null && header.equals(encodedSubject) ? subject : super.getSubject();
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", "<" + messageId + ">");
    }
}
