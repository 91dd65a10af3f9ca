package org.broadside.dispatch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.broadside.store.Database;
import org.junit.jupiter.api.AfterEach;

/** The post ledger's SQL on PostgreSQL, in a schema of its own; skipped where no PostgreSQL is listening. */
class PostLedgerOnPostgresTest extends PostLedgerTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = System.getProperty("user.name", "postgres").toLowerCase(Locale.ROOT);

    private String schema;

    @Override
    Database openDatabase() {
        schema = "posts_test_" + UUID.randomUUID().toString().replace("-", "");
        assumeTrue(execute("CREATE SCHEMA " + schema), "no PostgreSQL at " + SERVER);
        return Database.open(SERVER + "?currentSchema=" + schema, USER, "");
    }

    @AfterEach
    void dropSchema() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static boolean execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
