package org.broadside.dispatch;

import org.broadside.audience.Contact;
import org.broadside.render.Format;

/**
 * A claimed ledger row with the contact it goes to.
 *
 * @param statementId the language version chosen for this recipient when the release was opened
 */
public record Delivery(
        long id,
        String releaseId,
        Contact recipient,
        String channel,
        Format format,
        String statementId,
        String messageId,
        int attempts) {
}
