package org.broadside.schedule;

import com.ibm.icu.impl.ZoneMeta;
import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.Output;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.TimeZone.SystemTimeZoneType;
import com.ibm.icu.util.ULocale;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The time zones of a country (ISO 3166-1 alpha-2), from ICU's CLDR data, as zone ids that java.time knows,
 * since java.time is what turns wall-clock times into instants. Each country is worked out once and kept.
 */
public final class CountryZones {
    /** Long enough to cover any release being prepared; short enough that announced rule changes are known. */
    private static final Duration HORIZON = Duration.ofDays(5 * 365);
    private static final Set<String> JAVA_ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());
    private static final CountryZones SHARED = new CountryZones(Clock.systemUTC());

    private final Instant now;
    private final Map<String, Country> countries = new ConcurrentHashMap<>();

    /** The zones of one country: all of them, and one for each group that keeps the same offsets. */
    private record Country(List<ZoneId> zones, List<ZoneId> distinct) {
    }

    /** A zone's UTC offset now and every change to it within the horizon: zones with equal histories agree. */
    private record OffsetHistory(ZoneOffset start, List<ZoneOffsetTransition> changes) {
    }

    /** @param clock where "the next few years", over which zones must agree to count as one, begin */
    public CountryZones(Clock clock) {
        this.now = clock.instant();
    }

    /** The process-wide instance, so that each country is worked out once however many callers ask. */
    public static CountryZones shared() {
        return SHARED;
    }

    /** Every zone of the country, sorted by id; empty for a code with no zone (such as BV) or no country. */
    public List<ZoneId> zones(String country) {
        return country(country).zones();
    }

    /**
     * One zone for each group of the country's zones that keep the same UTC offsets over the next few
     * years, east to west: {@code America/New_York, America/Chicago, …} for US, one zone for DE.
     */
    public List<ZoneId> distinctZones(String country) {
        return country(country).distinct();
    }

    /** The zone of a country where every place keeps the same time, such as PH, or DE with Busingen. */
    public Optional<ZoneId> onlyZone(String country) {
        List<ZoneId> distinct = distinctZones(country);
        return distinct.size() == 1 ? Optional.of(distinct.get(0)) : Optional.empty();
    }

    private Country country(String country) {
        return countries.computeIfAbsent(country, this::lookUp);
    }

    private Country lookUp(String country) {
        Map<String, ZoneId> byIcuId = new TreeMap<>();
        for (String icuId : TimeZone.getAvailableIDs(SystemTimeZoneType.CANONICAL_LOCATION, country, null)) {
            javaZone(icuId).ifPresent(zone -> byIcuId.put(icuId, zone));
        }
        Map<OffsetHistory, List<String>> groups = new LinkedHashMap<>();
        byIcuId.forEach((icuId, zone) -> groups.computeIfAbsent(history(zone), h -> new ArrayList<>()).add(icuId));
        List<ZoneId> distinct = groups.values().stream()
                .map(group -> byIcuId.get(representative(group, country)))
                .sorted(eastToWest())
                .toList();
        List<ZoneId> zones = byIcuId.values().stream().sorted(Comparator.comparing(ZoneId::getId)).toList();
        return new Country(zones, distinct);
    }

    /**
     * ICU names zones by CLDR's canonical ids, which keep old names ({@code Asia/Calcutta}); IANA's current
     * name ({@code Asia/Kolkata}) is what operators write, so it is preferred when java.time knows it.
     */
    private static Optional<ZoneId> javaZone(String icuId) {
        return Stream.of(TimeZone.getIanaID(icuId), icuId).filter(JAVA_ZONES::contains).findFirst().map(ZoneId::of);
    }

    private OffsetHistory history(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        Instant end = now.plus(HORIZON);
        List<ZoneOffsetTransition> changes = new ArrayList<>();
        for (ZoneOffsetTransition next = rules.nextTransition(now);
                next != null && next.getInstant().isBefore(end);
                next = rules.nextTransition(next.getInstant())) {
            changes.add(next);
        }
        return new OffsetHistory(rules.getOffset(now), changes);
    }

    /**
     * The zone that stands for a group of zones that agree: the one CLDR names as the country's primary zone
     * (Lisbon rather than Madeira, Kuala Lumpur rather than Kuching), else the reference zone CLDR gives the
     * group's metazone in that country (Buenos Aires for Argentina, Chicago for US Central), else the first
     * id. All three are fixed by the data, not by the order ICU happens to list zones in, so a country keeps
     * its zone from one run to the next, and it is the place people name their time after.
     */
    private String representative(List<String> group, String country) {
        return group.stream().filter(CountryZones::isPrimary).findFirst()
                .or(() -> group.stream().filter(icuId -> isMetazoneReference(icuId, country)).findFirst())
                .orElse(group.get(0));
    }

    /** ICU keeps CLDR's primary zones in its internal ZoneMeta only; the ICU version is pinned in the pom. */
    private static boolean isPrimary(String icuId) {
        Output<Boolean> primary = new Output<>(false);
        ZoneMeta.getCanonicalCountry(icuId, primary);
        return primary.value;
    }

    private boolean isMetazoneReference(String icuId, String country) {
        TimeZoneNames names = TimeZoneNames.getInstance(ULocale.ROOT);
        String metazone = names.getMetaZoneID(icuId, now.toEpochMilli());
        return metazone != null && icuId.equals(names.getReferenceZoneID(metazone, country));
    }

    /**
     * By standard offset, largest first (ZoneOffset's own order), so that a list of a country's zones reads
     * across its map.
     */
    private Comparator<ZoneId> eastToWest() {
        return Comparator.comparing((ZoneId zone) -> zone.getRules().getStandardOffset(now))
                .thenComparing(ZoneId::getId);
    }
}
