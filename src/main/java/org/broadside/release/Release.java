package org.broadside.release;

import java.time.Instant;

/**
 * One approved content set going out.
 *
 * @param contentKey the hash over the pinned versions' hashes; the same approved content is released once
 * @param releaseAt  the first public instant (the embargo lifts then)
 * @param firedUntil the latest send instant whose trigger fired in time; null before the first
 * @param socialAt   when the social posts go out
 * @param pausedReason why the release is paused (by an operator, or automatically after too many failures)
 */
public record Release(
        String id,
        String statementId,
        String contentKey,
        ReleaseState state,
        Instant releaseAt,
        Instant createdAt,
        Instant finishedAt,
        Instant firedUntil,
        Instant socialAt,
        boolean socialDone,
        String pausedReason) {
}
