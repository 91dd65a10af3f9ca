package org.broadside.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The same Flyway migrations run on PostgreSQL, in a throw-away schema of the local server's {@code test}
 * database. Skipped only where no server listens (a laptop); .ci/run starts one, so CI always runs it.
 */
class MigrationsOnPostgresTest {
    private static final String SERVER = System.getProperty("broadside.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/test");

    @Test
    void migrationsRunOnPostgresAndTheLedgerKeyHolds() throws SQLException {
        assumeTrue(reachable(), "no PostgreSQL at " + SERVER);
        String schema = "broadside_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(SERVER, user(), "")) {
            admin.createStatement().execute("CREATE SCHEMA " + schema);
            try (Database database = Database.open(SERVER + "?currentSchema=" + schema, user(), "")) {
                List<String> tables = database.inTransaction(connection -> Sql.list(connection,
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1",
                        row -> row.getString(1), schema));
                assertThat(tables).contains("statements", "statement_contents", "approvals", "contacts",
                        "list_members", "suppressions", "releases", "release_versions", "deliveries");
                database.inTransaction(connection -> {
                    Sql.update(connection, "INSERT INTO statement_contents (sha256, source) VALUES (?, ?)"
                            + " ON CONFLICT DO NOTHING", "a".repeat(64), "text");
                    return Sql.update(connection, "INSERT INTO statement_contents (sha256, source) VALUES (?, ?)"
                            + " ON CONFLICT DO NOTHING", "a".repeat(64), "text");
                });
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(SERVER, user(), "")) {
                admin.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static String user() {
        return System.getProperty("broadside.test.postgres.user",
                System.getProperty("user.name", "postgres").toLowerCase(Locale.ROOT));
    }

    private static boolean reachable() {
        try (Connection ignored = DriverManager.getConnection(SERVER, user(), "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
