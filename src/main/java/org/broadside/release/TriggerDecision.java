package org.broadside.release;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a fired trigger may do. A trigger that fires within the grace period after its instant (the
 * service was down, or busy) goes ahead and is logged as late; one that fires later marks the whole release
 * missed, and nothing more of it is sent until an operator schedules it again: a statement is news, and
 * stale news sent unannounced does harm. A trigger of a paused, cancelled or finished release does nothing.
 */
public final class TriggerDecision {
    private static final Logger LOG = LoggerFactory.getLogger(TriggerDecision.class);
    /** Lateness below this is ordinary scheduling jitter, not worth a warning. */
    private static final Duration PUNCTUAL = Duration.ofMinutes(1);

    private final ReleaseStore releases;
    private final Duration grace;
    private final Clock clock;

    public TriggerDecision(ReleaseStore releases, Duration grace, Clock clock) {
        this.releases = releases;
        this.grace = grace;
        this.clock = clock;
    }

    /** @return the release to dispatch now, or empty when this trigger must send nothing */
    public Optional<Release> decide(String releaseId, Instant dueAt) {
        Optional<Release> found = releases.find(releaseId);
        if (found.isEmpty()) {
            LOG.warn("trigger for unknown release {} at {} ignored", releaseId, dueAt);
            return Optional.empty();
        }
        Release release = found.get();
        LOG.info("release {}: trigger for {} fired ({})", releaseId, dueAt, release.state().label());
        if (release.state() != ReleaseState.SCHEDULED && release.state() != ReleaseState.DISPATCHING) {
            LOG.info("release {} is {}: its trigger for {} sends nothing", releaseId, release.state().label(), dueAt);
            return Optional.empty();
        }
        Duration late = Duration.between(dueAt, clock.instant());
        if (late.compareTo(grace) > 0) {
            releases.transition(releaseId, Set.of(ReleaseState.SCHEDULED, ReleaseState.DISPATCHING), ReleaseState.MISSED);
            LOG.warn("release {} MISSED: due at {}, its trigger fired {} late, beyond the grace of {}; nothing more is"
                    + " sent until it is scheduled again (broadside schedule {})", releaseId, dueAt, late, grace,
                    release.statementId());
            return Optional.empty();
        }
        if (late.compareTo(PUNCTUAL) > 0) {
            LOG.warn("release {}: trigger due at {} fired {} late; sending now", releaseId, dueAt, late);
        }
        if (!releases.fire(releaseId, dueAt)) {
            return Optional.empty();
        }
        return releases.find(releaseId);
    }
}
