package org.broadside.release;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadside.store.Database;
import org.broadside.store.Sql;

/** Releases and the language versions each pinned. */
public final class ReleaseStore {
    private static final String COLUMNS = "id, statement_id, content_key, state, release_at, created_at, finished_at";

    private final Database database;

    public ReleaseStore(Database database) {
        this.database = database;
    }

    void insert(Release release, Map<String, String> pinnedHashes, Map<String, String> languages,
                Connection connection) throws SQLException {
        Sql.update(connection, "INSERT INTO releases (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                release.id(), release.statementId(), release.contentKey(), release.state().name(),
                release.releaseAt(), release.createdAt(), release.finishedAt());
        for (Map.Entry<String, String> pinned : pinnedHashes.entrySet()) {
            Sql.update(connection, "INSERT INTO release_versions (release_id, statement_id, language, sha256)"
                    + " VALUES (?, ?, ?, ?)", release.id(), pinned.getKey(), languages.get(pinned.getKey()),
                    pinned.getValue());
        }
    }

    public Optional<Release> find(String id) {
        return database.inTransaction(connection -> Sql.first(connection,
                "SELECT " + COLUMNS + " FROM releases WHERE id = ?", ReleaseStore::release, id));
    }

    Optional<Release> findByContent(String statementId, String contentKey, Connection connection)
            throws SQLException {
        return Sql.first(connection, "SELECT " + COLUMNS + " FROM releases WHERE statement_id = ? AND content_key = ?",
                ReleaseStore::release, statementId, contentKey);
    }

    /** The newest release of a statement, for commands that take a statement id. */
    public Optional<Release> latestOf(String statementId) {
        return database.inTransaction(connection -> Sql.first(connection,
                "SELECT " + COLUMNS + " FROM releases WHERE statement_id = ? ORDER BY created_at DESC, id DESC",
                ReleaseStore::release, statementId));
    }

    public List<Release> inState(ReleaseState state) {
        return database.inTransaction(connection -> Sql.list(connection,
                "SELECT " + COLUMNS + " FROM releases WHERE state = ? ORDER BY release_at, id",
                ReleaseStore::release, state.name()));
    }

    public List<Release> all() {
        return database.inTransaction(connection -> Sql.list(connection,
                "SELECT " + COLUMNS + " FROM releases ORDER BY created_at, id", ReleaseStore::release));
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

    private static Release release(ResultSet row) throws SQLException {
        return new Release(row.getString("id"), row.getString("statement_id"), row.getString("content_key"),
                ReleaseState.valueOf(row.getString("state")), Sql.instant(row, "release_at"),
                Sql.instant(row, "created_at"), Sql.instant(row, "finished_at"));
    }
}
