package org.broadside.render;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MimeMessage whose Message-ID is ours. MimeMessage would invent a new one in every saveChanges(),
 * but the ledger stores the id so that a retried send is recognisably the same message, and bounces
 * (DSNs quoting the Message-ID) can be matched to the recipient.
 */
final class StableIdMessage extends MimeMessage {
    private final String messageId;

    /** @param messageId without angle brackets, already checked */
    StableIdMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", "<" + messageId + ">");
    }
}
