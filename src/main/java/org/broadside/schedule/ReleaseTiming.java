package org.broadside.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.broadside.statement.ReleaseTime;
import org.broadside.statement.ReleaseZone;
import org.broadside.statement.Statement;

/**
 * The clock of one release: when its public copy reaches each zone, when the press embargo lifts, and when
 * press copies and social posts go out. Worked out once per release, from the original version because
 * translations go out with it; the clock is read once, so that every zone is judged at the same moment.
 */
public final class ReleaseTiming {
    private final ReleaseTime release;
    private final Observances observances;
    private final Instant now;
    private final Optional<Duration> embargo;
    /** Present unless the release time is read in each recipient's zone. */
    private final Optional<Instant> sameForEveryone;
    private final Instant embargoLift;

    /**
     * @param original    the original version, whose {@code release}, {@code release_zone} and
     *                    {@code press_embargo} hold for all its translations
     * @param override    the operator's {@code --at}: that one instant for everyone, press included, so no
     *                    embargo is kept
     * @param defaultZone the configured zone, for a release with no {@code release_zone}
     * @param clock       "now", and the date from which the next observance is found
     * @param publicZones the zones of the release's public (non-press) recipients
     */
    public ReleaseTiming(Statement original, Optional<Instant> override, ZoneId defaultZone,
            Observances observances, Clock clock, Collection<ZoneId> publicZones) {
        if (original.translationOf() != null) {
            throw new IllegalArgumentException(original.id() + " is a translation; a release is timed by its original "
                    + original.translationOf());
        }
        this.release = override.<ReleaseTime>map(ReleaseTime.At::new).orElse(original.release());
        this.observances = observances;
        this.now = clock.instant();
        this.embargo = override.isPresent() ? Optional.empty() : original.pressEmbargo();
        this.sameForEveryone = release instanceof ReleaseTime.At at
                ? Optional.of(at.instant())
                : fixedZone(original, defaultZone).map(this::readIn);
        this.embargoLift = publicZones.stream()
                .map(this::publicInstant)
                .min(Comparator.naturalOrder())
                .orElseGet(() -> publicInstant(defaultZone));
    }

    /** The zone every recipient's time is read in, or empty for {@code release_zone: recipient}. */
    private static Optional<ZoneId> fixedZone(Statement original, ZoneId defaultZone) {
        ReleaseZone zone = original.releaseZone().orElse(new ReleaseZone.Fixed(defaultZone));
        return zone instanceof ReleaseZone.Fixed fixed ? Optional.of(fixed.zone()) : Optional.empty();
    }

    /** When the public copy goes out to a recipient in this zone. */
    public Instant publicInstant(ZoneId recipientZone) {
        return sameForEveryone.orElseGet(() -> readIn(recipientZone));
    }

    /** The earliest public instant of the release: nothing public leaves before it, and the press may publish. */
    public Instant embargoLift() {
        return embargoLift;
    }

    /** How long before the embargo lifts the press gets the release; empty when it gets it like everyone else. */
    public Optional<Duration> embargo() {
        return embargo;
    }

    /**
     * When a press contact in this zone gets the release: the embargo's length before it lifts, the same for
     * every journalist, but never before now (a late release reaches the press at once); without an embargo,
     * when the public in their zone gets it.
     */
    public Instant pressSendAt(ZoneId pressZone) {
        return embargo.map(length -> latest(embargoLift.minus(length), now))
                .orElseGet(() -> publicInstant(pressZone));
    }

    /** Social posts are public for everyone at once, so they go out with the first public copy. */
    public Instant socialAt() {
        return embargoLift;
    }

    private Instant readIn(ZoneId zone) {
        if (release instanceof ReleaseTime.At at) {
            return at.instant();
        }
        if (release instanceof ReleaseTime.Local local) {
            return wallClock(local.dateTime(), zone);
        }
        return nextObservance((ReleaseTime.Observance) release, zone);
    }

    /**
     * The next observance day as seen in that zone, at its time there; when today is the day there but the
     * time has already passed, next year's.
     */
    private Instant nextObservance(ReleaseTime.Observance observance, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant thisTime = wallClock(observances.next(observance.name(), today).atTime(observance.time()), zone);
        return thisTime.isBefore(now)
                ? wallClock(observances.next(observance.name(), today.plusDays(1)).atTime(observance.time()), zone)
                : thisTime;
    }

    /**
     * {@link ZonedDateTime#of} settles the two DST cases as members would: a time that a spring-forward gap
     * skips moves forward by the gap (02:30 becomes 03:30), and a time that an autumn overlap repeats is its
     * first occurrence, at the earlier (summer) offset.
     */
    private static Instant wallClock(LocalDateTime dateTime, ZoneId zone) {
        return ZonedDateTime.of(dateTime, zone).toInstant();
    }

    private static Instant latest(Instant first, Instant second) {
        return first.isAfter(second) ? first : second;
    }
}
