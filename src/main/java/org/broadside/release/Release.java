package org.broadside.release;

import java.time.Instant;

/**
 * One approved content set going out.
 *
 * @param contentKey the hash over the pinned versions' hashes; the same approved content is released once
 */
public record Release(
        String id,
        String statementId,
        String contentKey,
        ReleaseState state,
        Instant releaseAt,
        Instant createdAt,
        Instant finishedAt) {
}
