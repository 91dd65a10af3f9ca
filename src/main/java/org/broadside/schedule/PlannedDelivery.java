package org.broadside.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.broadside.audience.Contact;
import org.broadside.render.Format;

/**
 * When and how one recipient gets a release.
 *
 * @param zone         the zone the recipient's time was read in
 * @param embargoUntil for press under embargo, when it lifts, in the journalist's zone; else empty
 */
public record PlannedDelivery(Contact contact, Format format, ZoneId zone, Instant sendAt,
        Optional<ZonedDateTime> embargoUntil) {
}
