package org.broadside.approval;

import java.time.Instant;

/** Who approved which exact content of a language version, and when. */
public record Approval(String statementId, String language, String sha256, String approvedBy, Instant approvedAt) {
}
