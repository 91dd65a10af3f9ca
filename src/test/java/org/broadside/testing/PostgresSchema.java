package org.broadside.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.broadside.store.Database;

/**
 * A schema of its own on the PostgreSQL at 127.0.0.1:5432 (database test, trust authentication, as .ci/run
 * starts it), for a store test that runs on PostgreSQL as well as on H2; the test is skipped where no server
 * listens. Dropped on close, with everything the migrations made in it.
 */
public final class PostgresSchema implements AutoCloseable {
    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    public static PostgresSchema create(String prefix) {
        PostgresSchema schema = new PostgresSchema(prefix + "_" + UUID.randomUUID().toString().replace("-", ""));
        assumeTrue(execute("CREATE SCHEMA " + schema.name), "no PostgreSQL at " + SERVER);
        return schema;
    }

    /** The store on this schema, migrated by Flyway as on any start. */
    public Database open() {
        return Database.open(SERVER + "?currentSchema=" + name, USER, "");
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
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
