package org.broadside.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.schedule.Releases.member;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.broadside.render.Format;
import org.junit.jupiter.api.Test;

class PlanSlotsTest {

    @Test
    void oneSlotPerDistinctInstantInTimeOrderWithItsZonesAndCount() {
        PlanSlots slots = PlanSlots.of(List.of(
                planned("Europe/Berlin", "2026-12-18T08:00:00Z"),
                planned("Asia/Manila", "2026-12-18T01:00:00Z"),
                planned("Africa/Lagos", "2026-12-18T08:00:00Z"),
                planned("Europe/Berlin", "2026-12-18T08:00:00Z"),
                planned("Asia/Hong_Kong", "2026-12-18T01:00:00Z"),
                planned("Pacific/Kiritimati", "2026-12-17T19:00:00Z")));

        assertThat(slots.slots()).containsExactly(
                slot("2026-12-17T19:00:00Z", 1, "Pacific/Kiritimati"),
                slot("2026-12-18T01:00:00Z", 2, "Asia/Hong_Kong", "Asia/Manila"),
                slot("2026-12-18T08:00:00Z", 3, "Africa/Lagos", "Europe/Berlin"));
    }

    @Test
    void noDeliveriesNoSlots() {
        assertThat(PlanSlots.of(List.of()).slots()).isEmpty();
    }

    private static PlannedDelivery planned(String zone, String sendAt) {
        return new PlannedDelivery(member("XX", zone), Format.MEMBER, ZoneId.of(zone), Instant.parse(sendAt),
                Optional.empty());
    }

    private static PlanSlots.Slot slot(String sendAt, int recipients, String... zones) {
        return new PlanSlots.Slot(Instant.parse(sendAt), List.of(zones).stream().map(ZoneId::of).toList(), recipients);
    }
}
