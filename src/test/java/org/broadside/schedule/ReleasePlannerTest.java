package org.broadside.schedule;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.schedule.Releases.OBSERVANCES;
import static org.broadside.schedule.Releases.clockAt;
import static org.broadside.schedule.Releases.inEachRecipientsZone;
import static org.broadside.schedule.Releases.journalist;
import static org.broadside.schedule.Releases.member;
import static org.broadside.schedule.Releases.statement;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.broadside.audience.Contact;
import org.broadside.render.Format;
import org.broadside.statement.ReleaseTime;
import org.broadside.statement.ReleaseZone;
import org.broadside.statement.Statement;
import org.junit.jupiter.api.Test;

class ReleasePlannerTest {
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");
    private static final RecipientZones ZONES = new RecipientZones(DEFAULT_ZONE);

    /**
     * The UTC offset each zone keeps on 18 December 2026, written out by hand from the zones' published rules
     * (southern summer, northern winter) so that the check does not lean on the zone rules it checks.
     */
    private static final Map<String, String> OFFSETS_ON_18_DECEMBER_2026 = Map.ofEntries(
            entry("Pacific/Kiritimati", "+14:00"),
            entry("Pacific/Chatham", "+13:45"),
            entry("Pacific/Auckland", "+13:00"),
            entry("Pacific/Tongatapu", "+13:00"),
            entry("Australia/Sydney", "+11:00"),
            entry("Australia/Lord_Howe", "+11:00"),
            entry("Australia/Adelaide", "+10:30"),
            entry("Australia/Brisbane", "+10:00"),
            entry("Australia/Darwin", "+09:30"),
            entry("Asia/Tokyo", "+09:00"),
            entry("Asia/Seoul", "+09:00"),
            entry("Asia/Manila", "+08:00"),
            entry("Asia/Hong_Kong", "+08:00"),
            entry("Australia/Perth", "+08:00"),
            entry("Asia/Jakarta", "+07:00"),
            entry("Asia/Yangon", "+06:30"),
            entry("Asia/Dhaka", "+06:00"),
            entry("Asia/Kathmandu", "+05:45"),
            entry("Asia/Kolkata", "+05:30"),
            entry("Asia/Karachi", "+05:00"),
            entry("Asia/Kabul", "+04:30"),
            entry("Asia/Dubai", "+04:00"),
            entry("Asia/Tehran", "+03:30"),
            entry("Europe/Moscow", "+03:00"),
            entry("Europe/Istanbul", "+03:00"),
            entry("Africa/Nairobi", "+03:00"),
            entry("Africa/Cairo", "+02:00"),
            entry("Africa/Johannesburg", "+02:00"),
            entry("Europe/Berlin", "+01:00"),
            entry("Africa/Lagos", "+01:00"),
            entry("Europe/Lisbon", "+00:00"),
            entry("Europe/London", "+00:00"),
            entry("Africa/Dakar", "+00:00"),
            entry("Atlantic/Azores", "-01:00"),
            entry("Atlantic/Cape_Verde", "-01:00"),
            entry("America/Noronha", "-02:00"),
            entry("America/Sao_Paulo", "-03:00"),
            entry("America/Santiago", "-03:00"),
            entry("America/Argentina/Buenos_Aires", "-03:00"),
            entry("America/St_Johns", "-03:30"),
            entry("America/Halifax", "-04:00"),
            entry("America/Caracas", "-04:00"),
            entry("America/New_York", "-05:00"),
            entry("America/Bogota", "-05:00"),
            entry("America/Chicago", "-06:00"),
            entry("America/Mexico_City", "-06:00"),
            entry("America/Denver", "-07:00"),
            entry("America/Los_Angeles", "-08:00"),
            entry("America/Anchorage", "-09:00"),
            entry("Pacific/Marquesas", "-09:30"),
            entry("Pacific/Honolulu", "-10:00"),
            entry("Pacific/Pago_Pago", "-11:00"));

    /** The same by hand for 18 June 2026: northern summer, southern winter. */
    private static final Map<String, String> OFFSETS_ON_18_JUNE_2026 = Map.ofEntries(
            entry("Pacific/Chatham", "+12:45"),
            entry("Pacific/Auckland", "+12:00"),
            entry("Australia/Sydney", "+10:00"),
            entry("Australia/Lord_Howe", "+10:30"),
            entry("Australia/Adelaide", "+09:30"),
            entry("Asia/Kathmandu", "+05:45"),
            entry("Asia/Tehran", "+03:30"),
            entry("Africa/Cairo", "+03:00"),
            entry("Europe/Berlin", "+02:00"),
            entry("Europe/Lisbon", "+01:00"),
            entry("Africa/Lagos", "+01:00"),
            entry("America/Sao_Paulo", "-03:00"),
            entry("America/Santiago", "-04:00"),
            entry("America/St_Johns", "-02:30"),
            entry("America/New_York", "-04:00"),
            entry("Pacific/Honolulu", "-10:00"));

    @Test
    void aReleaseAtNineInDecemberReachesEachMemberAtNineWhereTheyAre() {
        assertEveryMemberGetsNineOClock("2026-12-18", OFFSETS_ON_18_DECEMBER_2026);
    }

    @Test
    void aReleaseAtNineInJuneFollowsTheOtherHalfOfEachYearsDaylightSaving() {
        assertEveryMemberGetsNineOClock("2026-06-18", OFFSETS_ON_18_JUNE_2026);
    }

    private static void assertEveryMemberGetsNineOClock(String date, Map<String, String> offsets) {
        Statement statement = inEachRecipientsZone(new ReleaseTime.Local(LocalDateTime.parse(date + "T09:00")));
        List<Contact> members = offsets.keySet().stream().map(zone -> member("XX", zone)).toList();
        ReleasePlanner planner = planner(statement, Optional.empty(), "2026-01-01T00:00:00Z", members);

        SoftAssertions softly = new SoftAssertions();
        for (Contact contact : members) {
            PlannedDelivery planned = planner.plan(contact, false);
            softly.assertThat(planned.sendAt()).as(contact.timezone())
                    .isEqualTo(nineOClock(date, offsets.get(contact.timezone())));
            softly.assertThat(planned.zone()).isEqualTo(ZoneId.of(contact.timezone()));
            softly.assertThat(planned.format()).isEqualTo(Format.MEMBER);
            softly.assertThat(planned.embargoUntil()).isEmpty();
        }
        softly.assertAll();
    }

    @Test
    void theEarliestPublicCopyIsNineOClockOnKiritimati() {
        Statement statement = inEachRecipientsZone(new ReleaseTime.Local(LocalDateTime.parse("2026-12-18T09:00")));
        ReleaseTiming timing = timing(statement, Optional.empty(), "2026-01-01T00:00:00Z",
                zones(OFFSETS_ON_18_DECEMBER_2026.keySet()));

        assertThat(timing.embargoLift()).isEqualTo(Instant.parse("2026-12-17T19:00:00Z"));
        assertThat(timing.socialAt()).isEqualTo(timing.embargoLift());
    }

    @Test
    void aContactWithoutTimezoneGetsTheZoneOfTheirCountryOrTheDefault() {
        Statement statement = inEachRecipientsZone(new ReleaseTime.Local(LocalDateTime.parse("2026-12-18T09:00")));
        List<Contact> members = List.of(member("NP", null), member("PH", null), member("DE", null), member("US", null));
        ReleasePlanner planner = planner(statement, Optional.empty(), "2026-01-01T00:00:00Z", members);

        assertThat(members).extracting(contact -> planner.plan(contact, false).sendAt()).containsExactly(
                nineOClock("2026-12-18", "+05:45"),
                nineOClock("2026-12-18", "+08:00"),
                nineOClock("2026-12-18", "+01:00"),
                nineOClock("2026-12-18", "+00:00"));
    }

    @Test
    void underEmbargoTheJournalistGetsItEarlyAndIsToldWhenItLiftsInTheirOwnZone() {
        Statement statement = statement(new ReleaseTime.Local(LocalDateTime.parse("2026-12-18T09:00")),
                Optional.of(new ReleaseZone.Recipient()), Optional.of(Duration.ofHours(2)));
        Contact journalist = journalist("DE", "Europe/Berlin");
        Contact member = member("DE", "Europe/Berlin");
        List<Contact> members = List.of(member, member("KI", "Pacific/Kiritimati"), member("US", "Pacific/Honolulu"));
        ReleasePlanner planner = planner(statement, Optional.empty(), "2026-11-01T00:00:00Z", members);

        PlannedDelivery press = planner.plan(journalist, true);

        assertThat(press.format()).isEqualTo(Format.PRESS);
        assertThat(press.sendAt()).isEqualTo(Instant.parse("2026-12-17T17:00:00Z"));
        assertThat(press.embargoUntil()).contains(ZonedDateTime.parse("2026-12-17T20:00+01:00[Europe/Berlin]"));
        assertThat(press.embargoUntil().orElseThrow().getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        PlannedDelivery publicCopy = planner.plan(member, false);
        assertThat(publicCopy.sendAt()).isEqualTo(Instant.parse("2026-12-18T08:00:00Z"));
        assertThat(publicCopy.embargoUntil()).isEmpty();
    }

    @Test
    void withoutEmbargoTheJournalistGetsThePressFormatAtNineInTheirZone() {
        Statement statement = inEachRecipientsZone(new ReleaseTime.Local(LocalDateTime.parse("2026-12-18T09:00")));
        ReleasePlanner planner = planner(statement, Optional.empty(), "2026-11-01T00:00:00Z",
                List.of(member("KI", "Pacific/Kiritimati")));

        PlannedDelivery press = planner.plan(journalist("US", "America/New_York"), true);

        assertThat(press.format()).isEqualTo(Format.PRESS);
        assertThat(press.sendAt()).isEqualTo(Instant.parse("2026-12-18T14:00:00Z"));
        assertThat(press.embargoUntil()).isEmpty();
    }

    @Test
    void anOverrideSendsEveryoneEverywhereAtThatOneInstant() {
        Statement statement = statement(new ReleaseTime.Local(LocalDateTime.parse("2026-12-18T09:00")),
                Optional.of(new ReleaseZone.Recipient()), Optional.of(Duration.ofHours(2)));
        Instant at = Instant.parse("2026-12-01T10:15:00Z");
        List<Contact> members = OFFSETS_ON_18_DECEMBER_2026.keySet().stream().map(zone -> member("XX", zone)).toList();
        ReleasePlanner planner = planner(statement, Optional.of(at), "2026-11-01T00:00:00Z", members);

        assertThat(members).allSatisfy(member -> assertThat(planner.plan(member, false).sendAt()).isEqualTo(at));
        PlannedDelivery press = planner.plan(journalist("NZ", "Pacific/Chatham"), true);
        assertThat(press.sendAt()).isEqualTo(at);
        assertThat(press.embargoUntil()).isEmpty();
    }

    private static Instant nineOClock(String date, String offset) {
        int sign = offset.startsWith("-") ? -1 : 1;
        Duration ahead = Duration.ofHours(Integer.parseInt(offset.substring(1, 3)))
                .plusMinutes(Integer.parseInt(offset.substring(4, 6)))
                .multipliedBy(sign);
        return Instant.parse(date + "T09:00:00Z").minus(ahead);
    }

    private static ReleasePlanner planner(Statement statement, Optional<Instant> override, String now,
            List<Contact> members) {
        Set<ZoneId> publicZones = members.stream().map(ZONES::zoneOf).collect(Collectors.toSet());
        return new ReleasePlanner(timing(statement, override, now, publicZones), ZONES);
    }

    private static ReleaseTiming timing(Statement statement, Optional<Instant> override, String now,
            Set<ZoneId> publicZones) {
        return new ReleaseTiming(statement, override, DEFAULT_ZONE, OBSERVANCES, clockAt(now), publicZones);
    }

    private static Set<ZoneId> zones(Set<String> ids) {
        return ids.stream().map(ZoneId::of).collect(Collectors.toSet());
    }
}
