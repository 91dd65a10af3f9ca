package org.broadside.dispatch;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.broadside.audience.Contact;
import org.broadside.render.Format;

/**
 * A claimed ledger row with the contact it goes to.
 *
 * @param statementId  the language version chosen for this recipient when the release was opened
 * @param zone         the zone the delivery was planned in
 * @param embargoUntil when the embargo of a press copy lifts; null for a public copy
 */
public record Delivery(
        long id,
        String releaseId,
        Contact recipient,
        String channel,
        Format format,
        String statementId,
        String messageId,
        int attempts,
        ZoneId zone,
        Instant embargoUntil) {

    /** When the embargo lifts, in the recipient's own zone; empty for a public copy. */
    public Optional<ZonedDateTime> embargoInRecipientZone() {
        return Optional.ofNullable(embargoUntil).map(lift -> lift.atZone(zone));
    }
}
