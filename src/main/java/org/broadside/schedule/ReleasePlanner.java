package org.broadside.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.broadside.audience.Contact;
import org.broadside.render.Format;

/**
 * Plans each recipient's delivery of one release. A release reaches thousands of recipients in a few hundred
 * zones at most, so each zone's times are worked out once and reused; not thread-safe, one per arming.
 */
public final class ReleasePlanner {
    private final ReleaseTiming timing;
    private final RecipientZones zones;
    private final Map<ZoneId, Instant> publicInstants = new HashMap<>();
    private final Map<ZoneId, Optional<ZonedDateTime>> embargoLifts = new HashMap<>();

    public ReleasePlanner(ReleaseTiming timing, RecipientZones zones) {
        this.timing = timing;
        this.zones = zones;
    }

    /** The release's timing this planner plans by. */
    public ReleaseTiming timing() {
        return timing;
    }

    /**
     * Under an embargo the press gets the release early, told when it lifts in their own zone; everyone else,
     * and the press without an embargo, gets the public copy at the release time in their zone.
     */
    public PlannedDelivery plan(Contact contact, boolean press) {
        ZoneId zone = zones.zoneOf(contact);
        if (press && timing.embargo().isPresent()) {
            return new PlannedDelivery(contact, Format.PRESS, zone, timing.pressSendAt(zone), embargoLiftIn(zone));
        }
        return new PlannedDelivery(contact, press ? Format.PRESS : Format.MEMBER, zone, publicInstant(zone),
                Optional.empty());
    }

    private Instant publicInstant(ZoneId zone) {
        return publicInstants.computeIfAbsent(zone, timing::publicInstant);
    }

    private Optional<ZonedDateTime> embargoLiftIn(ZoneId zone) {
        return embargoLifts.computeIfAbsent(zone, z -> Optional.of(timing.embargoLift().atZone(z)));
    }
}
