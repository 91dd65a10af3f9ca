package org.broadside.dispatch;

import java.time.Instant;
import org.broadside.render.Format;

/** A ledger row to be created when a release opens. */
public record NewDelivery(
        String recipient,
        String channel,
        Format format,
        String statementId,
        String country,
        String language,
        String messageId,
        Instant sendAt) {
}
