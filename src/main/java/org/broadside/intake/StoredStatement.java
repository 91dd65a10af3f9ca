package org.broadside.intake;

import java.time.Instant;

/** A submitted language version as the database knows it: its current content is the one with this hash. */
public record StoredStatement(
        String id,
        String originalId,
        String language,
        String title,
        String sourceName,
        String sha256,
        Instant submittedAt) {

    public boolean isOriginal() {
        return id.equals(originalId);
    }
}
