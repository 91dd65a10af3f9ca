package org.broadside.audience;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.broadside.store.Database;
import org.junit.jupiter.api.AfterEach;

/**
 * The store's tests on the PostgreSQL that this machine and CI run (see DESIGN.md), each in a schema of its
 * own so that parallel builds cannot collide; skipped where no PostgreSQL is listening.
 */
class ContactStoreOnPostgresTest extends ContactStoreTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";

    private String schema;

    @Override
    Database openDatabase() {
        schema = "audience_test_" + UUID.randomUUID().toString().replace("-", "");
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
