package org.broadside.dispatch;

import java.time.Instant;
import org.broadside.render.Format;

/**
 * A ledger row to be created when a release opens.
 *
 * @param timezone     the zone the send time was planned in
 * @param embargoUntil when the embargo of a press copy lifts; null for a public copy
 */
public record NewDelivery(
        String recipient,
        String channel,
        Format format,
        String statementId,
        String country,
        String language,
        String messageId,
        Instant sendAt,
        String timezone,
        Instant embargoUntil) {
}
