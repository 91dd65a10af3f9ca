package org.broadside.release;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.broadside.store.Database;
import org.broadside.store.Sql;

/** Releases and the language versions each pinned. */
public final class ReleaseStore {
    private static final String COLUMNS = "id, statement_id, content_key, state, release_at, created_at, finished_at,"
            + " fired_until, social_at, social_done";
    private static final String READ_COLUMNS = COLUMNS + ", paused_reason";

    private final Database database;

    public ReleaseStore(Database database) {
        this.database = database;
    }

    void insert(Release release, Map<String, String> pinnedHashes, Map<String, String> languages,
                Connection connection) throws SQLException {
        Sql.update(connection, "INSERT INTO releases (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                release.id(), release.statementId(), release.contentKey(), release.state().name(),
                release.releaseAt(), release.createdAt(), release.finishedAt(), release.firedUntil(),
                release.socialAt(), release.socialDone());
        for (Map.Entry<String, String> pinned : pinnedHashes.entrySet()) {
            Sql.update(connection, "INSERT INTO release_versions (release_id, statement_id, language, sha256)"
                    + " VALUES (?, ?, ?, ?)", release.id(), pinned.getKey(), languages.get(pinned.getKey()),
                    pinned.getValue());
        }
    }

    public Optional<Release> find(String id) {
        return database.inTransaction(connection -> find(id, connection));
    }

    Optional<Release> find(String id, Connection connection) throws SQLException {
        return Sql.first(connection, "SELECT " + READ_COLUMNS + " FROM releases WHERE id = ?", ReleaseStore::release, id);
    }

    Optional<Release> findByContent(String statementId, String contentKey, Connection connection)
            throws SQLException {
        return Sql.first(connection, "SELECT " + READ_COLUMNS + " FROM releases WHERE statement_id = ? AND content_key = ?",
                ReleaseStore::release, statementId, contentKey);
    }

    /** The newest release of a statement, for commands that take a statement id. */
    public Optional<Release> latestOf(String statementId) {
        return database.inTransaction(connection -> Sql.first(connection,
                "SELECT " + READ_COLUMNS + " FROM releases WHERE statement_id = ? ORDER BY created_at DESC, id DESC",
                ReleaseStore::release, statementId));
    }

    /**
     * Dispatching releases that no sender is working on: some delivery is due (its trigger fired) or nothing
     * is left and the release only needs closing. A release with a delivery being sent right now is left to its
     * sender, so that the service's periodic resume never competes with a trigger or a CLI command for rows.
     */
    public List<Release> unattended(Instant now) {
        return database.inTransaction(connection -> Sql.list(connection,
                "SELECT " + READ_COLUMNS + " FROM releases r WHERE r.state = 'DISPATCHING'"
                        + " AND NOT EXISTS (SELECT 1 FROM deliveries s WHERE s.release_id = r.id AND s.state = 'SENDING')"
                        + " AND (EXISTS (SELECT 1 FROM deliveries d WHERE d.release_id = r.id AND d.state = 'PENDING'"
                        + " AND d.send_at <= r.fired_until AND (d.retry_at IS NULL OR d.retry_at <= ?))"
                        + " OR NOT EXISTS (SELECT 1 FROM deliveries p WHERE p.release_id = r.id AND p.state = 'PENDING'))"
                        + " ORDER BY r.release_at, r.id", ReleaseStore::release, now));
    }

    /** The statement id and hash of each version a release pinned. */
    public Map<String, String> pinnedHashes(String releaseId) {
        return database.inTransaction(connection -> {
            Map<String, String> pinned = new java.util.LinkedHashMap<>();
            Sql.each(connection, "SELECT statement_id, sha256 FROM release_versions WHERE release_id = ?"
                    + " ORDER BY statement_id", row -> pinned.put(row.getString(1), row.getString(2)), releaseId);
            return pinned;
        });
    }

    /** Marks a release done once no delivery of it is left without an outcome. */
    public boolean finishIfComplete(String releaseId, Instant now) {
        return database.inTransaction(connection -> Sql.update(connection,
                // One statement, so a release is never marked done while another process still claims work in it.
                "UPDATE releases SET state = ?, finished_at = ? WHERE id = ? AND state = ? AND NOT EXISTS"
                        + " (SELECT 1 FROM deliveries WHERE release_id = ? AND state IN ('PENDING', 'SENDING'))",
                ReleaseState.DONE.name(), now, releaseId, ReleaseState.DISPATCHING.name(), releaseId) == 1);
    }

    /**
     * Moves a release to a state, but only from one of the given states; returns whether it moved. The
     * condition in the UPDATE makes a concurrent change by another process lose cleanly instead of overwriting.
     */
    public boolean transition(String releaseId, Set<ReleaseState> from, ReleaseState to) {
        return database.inTransaction(connection -> transition(releaseId, from, to, connection));
    }

    boolean transition(String releaseId, Set<ReleaseState> from, ReleaseState to, Connection connection)
            throws SQLException {
        String states = from.stream().map(state -> "'" + state.name() + "'").sorted()
                .collect(java.util.stream.Collectors.joining(", "));
        return Sql.update(connection, "UPDATE releases SET state = ? WHERE id = ? AND state IN (" + states + ")",
                to.name(), releaseId) == 1;
    }

    /**
     * Records that the trigger for {@code dueAt} fired in time: the release is dispatching and every delivery
     * due up to that instant may go. Never moves fired_until backwards (a late trigger for an earlier instant).
     */
    public boolean fire(String releaseId, Instant dueAt) {
        return database.inTransaction(connection -> Sql.update(connection,
                "UPDATE releases SET state = 'DISPATCHING', fired_until = CASE WHEN fired_until IS NULL"
                        + " OR fired_until < ? THEN ? ELSE fired_until END WHERE id = ?"
                        + " AND state IN ('SCHEDULED', 'DISPATCHING')", dueAt, dueAt, releaseId) == 1);
    }

    /**
     * Pauses a dispatching or scheduled release, with the reason the status shows; returns whether it paused.
     */
    public boolean pause(String releaseId, String reason) {
        return database.inTransaction(connection -> pause(releaseId, reason, connection));
    }

    boolean pause(String releaseId, String reason, Connection connection) throws SQLException {
        return Sql.update(connection, "UPDATE releases SET state = 'PAUSED', paused_reason = ? WHERE id = ?"
                + " AND state IN ('SCHEDULED', 'DISPATCHING')", reason, releaseId) == 1;
    }

    /** Counts a failed attempt of a release; returns how many it has had since it last (re)started. */
    int countFailure(String releaseId, Connection connection) throws SQLException {
        Sql.update(connection, "UPDATE releases SET failed_attempts = failed_attempts + 1 WHERE id = ?", releaseId);
        return Sql.first(connection, "SELECT failed_attempts FROM releases WHERE id = ?", row -> row.getInt(1),
                releaseId).orElse(0);
    }

    /** Resumes a paused release to the given state with a clean slate: no failures counted, no pause reason. */
    public boolean resume(String releaseId, ReleaseState to) {
        return database.inTransaction(connection -> Sql.update(connection, "UPDATE releases SET state = ?,"
                + " failed_attempts = 0, paused_reason = NULL WHERE id = ? AND state = 'PAUSED'", to.name(),
                releaseId) == 1);
    }

    /** A new plan replaces the old: the release waits for its triggers again. */
    void rescheduled(String releaseId, Instant releaseAt, Instant socialAt, Connection connection)
            throws SQLException {
        Sql.update(connection, "UPDATE releases SET state = 'SCHEDULED', fired_until = NULL, release_at = ?,"
                + " social_at = ?, finished_at = NULL WHERE id = ?", releaseAt, socialAt, releaseId);
    }

    /** Claims the right to write the social posts once: true for the one caller that flips the flag. */
    public boolean claimSocial(String releaseId) {
        return database.inTransaction(connection -> claimSocial(releaseId, connection));
    }

    /** The same in the caller's transaction, which adds the posts to the ledger when it wins. */
    boolean claimSocial(String releaseId, Connection connection) throws SQLException {
        return Sql.update(connection, "UPDATE releases SET social_done = TRUE WHERE id = ? AND social_done = FALSE"
                + " AND fired_until IS NOT NULL AND social_at <= fired_until", releaseId) == 1;
    }

    private static Release release(ResultSet row) throws SQLException {
        return new Release(row.getString("id"), row.getString("statement_id"), row.getString("content_key"),
                ReleaseState.valueOf(row.getString("state")), Sql.instant(row, "release_at"),
                Sql.instant(row, "created_at"), Sql.instant(row, "finished_at"), Sql.instant(row, "fired_until"),
                Sql.instant(row, "social_at"), row.getBoolean("social_done"),
                row.getString("paused_reason"));
    }
}
