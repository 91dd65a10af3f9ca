package org.broadside.intake;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.broadside.statement.ContentHash;
import org.broadside.statement.Statement;
import org.broadside.statement.StatementParser;
import org.broadside.store.Database;
import org.broadside.store.Sql;
import org.broadside.store.StoreException;

/**
 * Submitted statements and their content, addressed by hash. Content rows are never changed, so whatever
 * a release pinned can always be read back exactly, and checked against its hash when it is.
 */
public final class StatementStore {
    private static final String COLUMNS = "id, original_id, language, title, source_name, sha256, submitted_at";

    private final Database database;
    private final StatementParser parser;
    private final Clock clock;

    public StatementStore(Database database, StatementParser parser, Clock clock) {
        this.database = database;
        this.parser = parser;
        this.clock = clock;
    }

    /** Stores a parsed version as the current content of its id, in one transaction. */
    public void save(Statement statement, String sourceName, Connection connection) throws SQLException {
        String sha256 = statement.sha256();
        // Content is immutable and shared by hash: submitting the same text twice stores it once.
        Sql.update(connection, "INSERT INTO statement_contents (sha256, source) VALUES (?, ?) ON CONFLICT DO NOTHING",
                sha256, statement.source());
        // UPDATE then INSERT is the upsert both H2 and PostgreSQL understand the same way.
        int updated = Sql.update(connection,
                "UPDATE statements SET original_id = ?, language = ?, title = ?, source_name = ?, sha256 = ?,"
                        + " submitted_at = ? WHERE id = ?",
                statement.originalId(), statement.language(), statement.title(), sourceName, sha256,
                clock.instant(), statement.id());
        if (updated == 0) {
            Sql.update(connection, "INSERT INTO statements (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                    statement.id(), statement.originalId(), statement.language(), statement.title(), sourceName,
                    sha256, clock.instant());
        }
    }

    public Optional<StoredStatement> find(String id) {
        return database.inTransaction(connection -> find(id, connection));
    }

    public Optional<StoredStatement> find(String id, Connection connection) throws SQLException {
        return Sql.first(connection, "SELECT " + COLUMNS + " FROM statements WHERE id = ?", StatementStore::stored, id);
    }

    /** Which version already holds a language of a statement, if any. */
    public Optional<StoredStatement> findVersion(String originalId, String language, Connection connection)
            throws SQLException {
        // Languages compare case-insensitively: pt-BR and pt-br are the same version.
        return Sql.first(connection, "SELECT " + COLUMNS + " FROM statements WHERE original_id = ?"
                + " AND LOWER(language) = LOWER(?)", StatementStore::stored, originalId, language);
    }

    /** A statement and its translations, the original first. */
    public List<StoredStatement> group(String originalId) {
        return database.inTransaction(connection -> Sql.list(connection,
                "SELECT " + COLUMNS + " FROM statements WHERE original_id = ?"
                        + " ORDER BY CASE WHEN id = original_id THEN 0 ELSE 1 END, language",
                StatementStore::stored, originalId));
    }

    public List<StoredStatement> all() {
        return database.inTransaction(connection -> Sql.list(connection,
                "SELECT " + COLUMNS + " FROM statements ORDER BY original_id,"
                        + " CASE WHEN id = original_id THEN 0 ELSE 1 END, language",
                StatementStore::stored));
    }

    /** The current content of a statement and its translations, the original first; empty if unknown. */
    public List<Statement> current(String id) {
        return find(id).map(version -> group(version.originalId()).stream()
                .map(each -> content(each, each.sha256())).toList()).orElse(List.of());
    }

    /** The exact content with this hash, parsed; refuses content whose bytes no longer match the hash. */
    public Statement content(StoredStatement version, String sha256) {
        String source = database.inTransaction(connection -> Sql.first(connection,
                "SELECT source FROM statement_contents WHERE sha256 = ?", row -> row.getString(1), sha256))
                .orElseThrow(() -> new StoreException("no content with hash " + sha256, null));
        if (!ContentHash.of(source).equals(sha256)) {
            throw new StoreException("stored content of '" + version.id() + "' does not match its hash "
                    + ContentHash.abbreviate(sha256) + ": the database was altered", null);
        }
        return parser.parse(version.sourceName(), source.getBytes(StandardCharsets.UTF_8));
    }

    private static StoredStatement stored(ResultSet row) throws SQLException {
        return new StoredStatement(row.getString("id"), row.getString("original_id"), row.getString("language"),
                row.getString("title"), row.getString("source_name"), row.getString("sha256"),
                Sql.instant(row, "submitted_at"));
    }
}
