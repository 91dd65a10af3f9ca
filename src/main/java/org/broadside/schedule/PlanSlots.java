package org.broadside.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A release's planned deliveries grouped by send instant, earliest first: one trigger fires each slot, so
 * a release to a few thousand recipients in a few dozen zones arms a few dozen triggers, not thousands.
 *
 * @param slots one per distinct send instant, in time order
 */
public record PlanSlots(List<Slot> slots) {

    /**
     * The deliveries due at one instant.
     *
     * @param zones      the recipients' zones, sorted by id
     * @param recipients how many deliveries are due
     */
    public record Slot(Instant sendAt, List<ZoneId> zones, int recipients) {

        public Slot {
            zones = List.copyOf(zones);
        }
    }

    public PlanSlots {
        slots = List.copyOf(slots);
    }

    public static PlanSlots of(Iterable<PlannedDelivery> deliveries) {
        Map<Instant, Tally> byInstant = new TreeMap<>();
        for (PlannedDelivery delivery : deliveries) {
            byInstant.computeIfAbsent(delivery.sendAt(), instant -> new Tally()).add(delivery.zone());
        }
        return new PlanSlots(byInstant.entrySet().stream()
                .map(slot -> new Slot(slot.getKey(), List.copyOf(slot.getValue().zones), slot.getValue().recipients))
                .toList());
    }

    private static final class Tally {
        private final Set<ZoneId> zones = new TreeSet<>(Comparator.comparing(ZoneId::getId));
        private int recipients;

        void add(ZoneId zone) {
            zones.add(zone);
            recipients++;
        }
    }
}
