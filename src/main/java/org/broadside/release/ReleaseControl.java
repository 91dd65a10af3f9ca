package org.broadside.release;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.broadside.schedule.ReleaseTriggers;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;

/**
 * What operators do to releases — schedule, release now, pause, resume, cancel — keeping the ledger, the
 * release's state and its Quartz triggers in step. Rescheduling replaces every trigger of the release, so no
 * stray trigger of an old plan is left to fire.
 */
public final class ReleaseControl {
    private final ReleaseService service;
    private final ReleaseStore releases;
    private final Supplier<ReleaseTriggers> triggers;
    private final Clock clock;

    /** @param triggers opened on first use: commands that never touch a schedule need not start Quartz */
    public ReleaseControl(ReleaseService service, ReleaseStore releases, Supplier<ReleaseTriggers> triggers,
                          Clock clock) {
        this.service = service;
        this.releases = releases;
        this.triggers = triggers;
        this.clock = clock;
    }

    /** A release as armed: the instants its triggers fire at. */
    public record Armed(Release release, boolean created, List<Instant> triggers) {
    }

    /**
     * Plans the release of an approved statement (at its release time, or at {@code at} for everyone) and arms
     * one trigger per distinct send instant. Scheduling an armed release again replaces its plan and triggers.
     */
    public Armed schedule(String statementId, Optional<Instant> at) {
        at.ifPresent(this::requireFuture);
        service.requireFuture(statementId, at);
        ReleaseService.Opened opened = service.open(statementId, at);
        Release release = opened.release();
        List<Instant> instants = service.triggerInstants(release);
        try {
            triggers.get().arm(release.id(), instants);
        } catch (RuntimeException e) {
            releases.transition(release.id(), Set.of(ReleaseState.SCHEDULED), ReleaseState.CANCELLED);
            throw e;
        }
        return new Armed(release, opened.created(), instants);
    }

    /** Releases now, for everyone: the plan becomes "now", triggers go, and every pending delivery is due. */
    public Release releaseNow(String statementId) {
        Release release = service.open(statementId, Optional.of(clock.instant())).release();
        triggers.get().disarm(release.id());
        // Fired as of after the planning, so every send time it wrote (none later than then) is due.
        releases.fire(release.id(), ReleaseTriggers.precision(clock.instant()));
        return releases.find(release.id()).orElseThrow();
    }

    public Release pause(String id) {
        Release release = service.releaseOf(id);
        require(releases.pause(release.id(), "paused by an operator"), release, "paused");
        return releases.find(release.id()).orElseThrow();
    }

    /**
     * Resumes a paused release. Deliveries whose time came while it was paused are due at once (the running
     * service sends them within its resume period); later ones wait for their triggers. The failures that
     * paused it automatically are forgotten, so the auto-pause threshold counts from zero again.
     */
    public Release resume(String id) {
        Release release = service.releaseOf(id);
        ReleaseState back = release.firedUntil() == null ? ReleaseState.SCHEDULED : ReleaseState.DISPATCHING;
        require(releases.resume(release.id(), back), release, "resumed");
        service.duePassed(release, clock.instant()).ifPresent(latest -> releases.fire(release.id(), latest));
        return releases.find(release.id()).orElseThrow();
    }

    public Release cancel(String id) {
        Release release = service.releaseOf(id);
        require(releases.transition(release.id(), Set.of(ReleaseState.SCHEDULED, ReleaseState.DISPATCHING,
                ReleaseState.PAUSED, ReleaseState.MISSED), ReleaseState.CANCELLED), release, "cancelled");
        triggers.get().disarm(release.id());
        return releases.find(release.id()).orElseThrow();
    }

    private void requireFuture(Instant at) {
        if (at.isBefore(clock.instant())) {
            throw new InvalidInputException(new Problem("--at", 0, at + " is in the past; use release --now"));
        }
    }

    private static void require(boolean moved, Release release, String what) {
        if (!moved) {
            throw new InvalidInputException(new Problem(release.id(), 0,
                    "is " + release.state().label() + " and cannot be " + what));
        }
    }
}
