package org.broadside.approval;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.broadside.intake.StatementStore;
import org.broadside.statement.ContentHash;
import org.broadside.intake.StoredStatement;
import org.broadside.store.Database;
import org.broadside.store.Sql;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;

/**
 * Approval pins content: each language version is approved by the SHA-256 of its exact text, so a version
 * changed after approval is no longer approved, and only approved hashes are ever rendered for dispatch.
 */
public final class Approvals {
    private static final int MAX_NAME = 200;

    private final Database database;
    private final StatementStore statements;
    private final Clock clock;

    public Approvals(Database database, StatementStore statements, Clock clock) {
        this.database = database;
        this.statements = statements;
        this.clock = clock;
    }

    /** Approves the current content of a statement and of every translation of it. */
    public List<Approval> approve(String id, String approver) {
        String by = checkApprover(approver);
        String originalId = statements.find(id).map(StoredStatement::originalId).orElseThrow(() -> unknown(id));
        List<StoredStatement> versions = statements.group(originalId);
        return database.inTransaction(connection -> {
            List<Approval> approved = new ArrayList<>();
            for (StoredStatement version : versions) {
                // Approving the same content twice keeps the first record: it says when it was first approved.
                Sql.update(connection, "INSERT INTO approvals (statement_id, sha256, approved_by, approved_at)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        version.id(), version.sha256(), by, clock.instant());
                approved.add(find(version, version.sha256(), connection).orElseThrow());
            }
            return approved;
        });
    }

    /** Whether the current content of every language version has been approved. */
    public boolean allApproved(List<StoredStatement> versions) {
        return database.inTransaction(connection -> {
            for (StoredStatement version : versions) {
                if (!isApproved(version.id(), version.sha256(), connection)) {
                    return false;
                }
            }
            return true;
        });
    }

    public boolean isApproved(String statementId, String sha256, Connection connection) throws SQLException {
        return Sql.first(connection, "SELECT 1 FROM approvals WHERE statement_id = ? AND sha256 = ?",
                row -> Boolean.TRUE, statementId, sha256).isPresent();
    }

    /**
     * The versions of a statement as they may be released: every one approved as it stands.
     *
     * @throws NotApprovedException naming each version that is not, and whether it changed after approval
     */
    public List<StoredStatement> requireApproved(String id) {
        String originalId = statements.find(id).map(StoredStatement::originalId).orElseThrow(() -> unknown(id));
        List<StoredStatement> versions = statements.group(originalId);
        List<String> refusals = database.inTransaction(connection -> {
            List<String> found = new ArrayList<>();
            for (StoredStatement version : versions) {
                if (!isApproved(version.id(), version.sha256(), connection)) {
                    found.add(refusal(version, latest(version, connection)));
                }
            }
            return found;
        });
        if (!refusals.isEmpty()) {
            throw new NotApprovedException(refusals);
        }
        return versions;
    }

    private static String refusal(StoredStatement version, Optional<Approval> earlier) {
        String which = "'" + version.id() + "' (" + version.language() + ")";
        return earlier.map(approval -> which + " changed after it was approved by " + approval.approvedBy()
                        + " at " + approval.approvedAt() + " (approved " + ContentHash.abbreviate(approval.sha256())
                        + ", now " + ContentHash.abbreviate(version.sha256()) + "); it needs approval again")
                .orElse(which + " is not approved; run: broadside approve " + version.originalId() + " --by NAME");
    }

    private Optional<Approval> latest(StoredStatement version, Connection connection) throws SQLException {
        return Sql.first(connection, "SELECT sha256, approved_by, approved_at FROM approvals WHERE statement_id = ?"
                        + " ORDER BY approved_at DESC",
                row -> new Approval(version.id(), version.language(), row.getString("sha256"),
                        row.getString("approved_by"), Sql.instant(row, "approved_at")),
                version.id());
    }

    private Optional<Approval> find(StoredStatement version, String sha256, Connection connection)
            throws SQLException {
        return Sql.first(connection, "SELECT approved_by, approved_at FROM approvals WHERE statement_id = ?"
                        + " AND sha256 = ?",
                row -> new Approval(version.id(), version.language(), sha256, row.getString("approved_by"),
                        Sql.instant(row, "approved_at")),
                version.id(), sha256);
    }

    private static String checkApprover(String approver) {
        String by = approver == null ? "" : approver.strip();
        if (by.isEmpty() || by.length() > MAX_NAME || by.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(new Problem("--by", 0,
                    "the approver's name must be 1 to " + MAX_NAME + " characters without control characters"));
        }
        return by;
    }

    private static InvalidInputException unknown(String id) {
        return new InvalidInputException(new Problem(id, 0, "no statement with this id has been submitted"));
    }
}
