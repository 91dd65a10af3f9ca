package org.broadside.release;

import java.time.Instant;

/** Asks for a statement's approved content to be released at an instant. */
public record ReleaseRequest(String statementId, Instant releaseAt) {
}
