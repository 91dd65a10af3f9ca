package org.broadside.render;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.broadside.audience.Contact;
import org.broadside.statement.Statement;

/**
 * Everything one email needs besides the templates and the sender identity.
 *
 * @param version          the approved language version chosen for this recipient
 * @param embargoUntil     when the embargo lifts, in the recipient's zone; empty for FOR IMMEDIATE RELEASE
 * @param messageId        the Message-ID without angle brackets, stable across retries
 * @param unsubscribeUrl   the https one-click URL carrying the signed token
 * @param unsubscribeMailto the mailto: URI for List-Unsubscribe
 * @param date             the Date header
 */
public record EmailRequest(
        Statement version,
        Contact recipient,
        Format format,
        Optional<ZonedDateTime> embargoUntil,
        String messageId,
        String unsubscribeUrl,
        String unsubscribeMailto,
        Instant date) {
}
