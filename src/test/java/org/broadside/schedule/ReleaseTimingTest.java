package org.broadside.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.broadside.schedule.Releases.OBSERVANCES;
import static org.broadside.schedule.Releases.clockAt;
import static org.broadside.schedule.Releases.inEachRecipientsZone;
import static org.broadside.schedule.Releases.statement;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.broadside.statement.ReleaseTime;
import org.broadside.statement.ReleaseZone;
import org.broadside.statement.Statement;
import org.junit.jupiter.api.Test;

class ReleaseTimingTest {
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    private static final ZoneId MANILA = ZoneId.of("Asia/Manila");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId HONOLULU = ZoneId.of("Pacific/Honolulu");
    private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
    private static final ReleaseTime MIGRANTS_DAY_AT_NINE =
            new ReleaseTime.Observance("international-migrants-day", LocalTime.of(9, 0));
    private static final ReleaseTime NINE_ON_18_DECEMBER =
            new ReleaseTime.Local(LocalDateTime.parse("2026-12-18T09:00"));

    @Test
    void anObservanceFallsOnItsNextDateAtNineInEachZone() {
        ReleaseTiming timing = timing(inEachRecipientsZone(MIGRANTS_DAY_AT_NINE), "2026-11-28T00:00:00Z",
                Set.of(MANILA, BERLIN, HONOLULU, KIRITIMATI));

        assertThat(timing.publicInstant(KIRITIMATI)).isEqualTo(Instant.parse("2026-12-17T19:00:00Z"));
        assertThat(timing.publicInstant(MANILA)).isEqualTo(Instant.parse("2026-12-18T01:00:00Z"));
        assertThat(timing.publicInstant(BERLIN)).isEqualTo(Instant.parse("2026-12-18T08:00:00Z"));
        assertThat(timing.publicInstant(HONOLULU)).isEqualTo(Instant.parse("2026-12-18T19:00:00Z"));
    }

    @Test
    void anObservanceWhoseTimeHasPassedTodayIsNextYearsWhereItHasPassedOnly() {
        // 12:00 on 18 December in Manila: 05:00 in Berlin and 18:00 the day before in Honolulu.
        ReleaseTiming timing = timing(inEachRecipientsZone(MIGRANTS_DAY_AT_NINE), "2026-12-18T04:00:00Z",
                Set.of(MANILA, BERLIN, HONOLULU));

        assertThat(timing.publicInstant(MANILA)).isEqualTo(Instant.parse("2027-12-18T01:00:00Z"));
        assertThat(timing.publicInstant(BERLIN)).isEqualTo(Instant.parse("2026-12-18T08:00:00Z"));
        assertThat(timing.publicInstant(HONOLULU)).isEqualTo(Instant.parse("2026-12-18T19:00:00Z"));
    }

    @Test
    void aTimeInTheSpringForwardGapMovesForwardByTheGap() {
        ReleaseTiming timing = timing(statement(new ReleaseTime.Local(LocalDateTime.parse("2027-03-28T02:30")),
                Optional.of(new ReleaseZone.Fixed(BERLIN)), Optional.empty()), "2027-01-01T00:00:00Z", Set.of());

        // 03:30 CEST (+02:00)
        assertThat(timing.publicInstant(MANILA)).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
    }

    @Test
    void aTimeInTheAutumnOverlapIsItsFirstOccurrenceInSummerTime() {
        ReleaseTime twoThirtyTwice = new ReleaseTime.Local(LocalDateTime.parse("2026-10-25T02:30"));
        ReleaseTiming timing = timing(inEachRecipientsZone(twoThirtyTwice), "2026-01-01T00:00:00Z", Set.of(BERLIN));

        // 02:30 CEST (+02:00), not the 02:30 CET an hour later
        assertThat(timing.publicInstant(BERLIN)).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void aFixedZoneGivesEveryoneTheSameInstant() {
        ReleaseTiming timing = timing(statement(NINE_ON_18_DECEMBER, Optional.of(new ReleaseZone.Fixed(MANILA)),
                Optional.empty()), "2026-01-01T00:00:00Z", Set.of(BERLIN, HONOLULU));

        assertThat(timing.publicInstant(BERLIN)).isEqualTo(Instant.parse("2026-12-18T01:00:00Z"));
        assertThat(timing.publicInstant(HONOLULU)).isEqualTo(Instant.parse("2026-12-18T01:00:00Z"));
        assertThat(timing.embargoLift()).isEqualTo(Instant.parse("2026-12-18T01:00:00Z"));
    }

    @Test
    void withoutReleaseZoneTheConfiguredDefaultIsTheFixedZone() {
        ReleaseTiming timing = timing(statement(NINE_ON_18_DECEMBER, Optional.empty(), Optional.empty()),
                "2026-01-01T00:00:00Z", Set.of(BERLIN, KIRITIMATI));

        assertThat(timing.publicInstant(KIRITIMATI)).isEqualTo(Instant.parse("2026-12-18T01:00:00Z"));
        assertThat(timing.publicInstant(BERLIN)).isEqualTo(Instant.parse("2026-12-18T01:00:00Z"));
    }

    @Test
    void anExactInstantIsTheSameForEveryoneEvenInTheirOwnZones() {
        Instant at = Instant.parse("2026-12-18T06:00:00Z");
        ReleaseTiming timing = timing(inEachRecipientsZone(new ReleaseTime.At(at)), "2026-01-01T00:00:00Z",
                Set.of(BERLIN, KIRITIMATI));

        assertThat(timing.publicInstant(KIRITIMATI)).isEqualTo(at);
        assertThat(timing.publicInstant(HONOLULU)).isEqualTo(at);
        assertThat(timing.embargoLift()).isEqualTo(at);
    }

    @Test
    void theEmbargoEndsWithTheFirstPublicCopyAndThePressGetsItThatMuchEarlier() {
        ReleaseTiming timing = timing(statement(NINE_ON_18_DECEMBER, Optional.of(new ReleaseZone.Recipient()),
                Optional.of(Duration.ofHours(6))), "2026-11-01T00:00:00Z", Set.of(BERLIN, MANILA));

        assertThat(timing.embargo()).contains(Duration.ofHours(6));
        assertThat(timing.embargoLift()).isEqualTo(Instant.parse("2026-12-18T01:00:00Z"));
        assertThat(timing.pressSendAt(HONOLULU)).isEqualTo(Instant.parse("2026-12-17T19:00:00Z"));
        assertThat(timing.pressSendAt(BERLIN)).isEqualTo(Instant.parse("2026-12-17T19:00:00Z"));
        assertThat(timing.socialAt()).isEqualTo(Instant.parse("2026-12-18T01:00:00Z"));
    }

    @Test
    void aLateReleaseReachesThePressNowRatherThanInThePast() {
        ReleaseTiming timing = timing(statement(NINE_ON_18_DECEMBER, Optional.of(new ReleaseZone.Recipient()),
                Optional.of(Duration.ofHours(24))), "2026-12-17T12:00:00Z", Set.of(BERLIN));

        assertThat(timing.pressSendAt(BERLIN)).isEqualTo(Instant.parse("2026-12-17T12:00:00Z"));
    }

    @Test
    void withNoPublicRecipientsTheEmbargoLiftsAtTheReleaseTimeInTheDefaultZone() {
        ReleaseTiming timing = timing(statement(NINE_ON_18_DECEMBER, Optional.of(new ReleaseZone.Recipient()),
                Optional.of(Duration.ofHours(2))), "2026-11-01T00:00:00Z", Set.of());

        assertThat(timing.embargoLift()).isEqualTo(Instant.parse("2026-12-18T01:00:00Z"));
        assertThat(timing.pressSendAt(BERLIN)).isEqualTo(Instant.parse("2026-12-17T23:00:00Z"));
    }

    @Test
    void anOverrideDropsTheEmbargo() {
        Instant at = Instant.parse("2026-12-01T10:15:00Z");
        Statement embargoed = statement(NINE_ON_18_DECEMBER, Optional.of(new ReleaseZone.Recipient()),
                Optional.of(Duration.ofHours(2)));
        ReleaseTiming timing = new ReleaseTiming(embargoed, Optional.of(at), HONG_KONG, OBSERVANCES,
                clockAt("2026-11-01T00:00:00Z"), Set.of(BERLIN));

        assertThat(timing.embargo()).isEmpty();
        assertThat(timing.pressSendAt(MANILA)).isEqualTo(at);
        assertThat(timing.embargoLift()).isEqualTo(at);
    }

    @Test
    void aTranslationIsNotTimedOnItsOwn() {
        Statement original = inEachRecipientsZone(NINE_ON_18_DECEMBER);
        Statement translation = new Statement("dia-migrantes-2026", original.title(), null, original.kind(), "es",
                original.date(), original.release(), original.releaseZone(), original.pressEmbargo(), List.of(), null,
                List.of(), original.link(), null, original.id(), original.body(), original.source(), original.sha256());

        assertThatThrownBy(() -> timing(translation, "2026-11-01T00:00:00Z", Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("migrants-day-2026");
    }

    private static ReleaseTiming timing(Statement statement, String now, Set<ZoneId> publicZones) {
        return new ReleaseTiming(statement, Optional.empty(), HONG_KONG, OBSERVANCES, clockAt(now), publicZones);
    }
}
