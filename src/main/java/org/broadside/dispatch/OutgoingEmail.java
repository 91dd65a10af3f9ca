package org.broadside.dispatch;

import jakarta.mail.internet.MimeMessage;

/** A rendered email ready for a transport, with the ledger row it settles. */
public record OutgoingEmail(long deliveryId, String statementId, String recipient, MimeMessage message) {
}
