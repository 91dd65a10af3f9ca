package org.broadside.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.broadside.config.Settings;
import org.flywaydb.core.Flyway;

/**
 * The connection pool and the schema. Opening migrates: Flyway's migrations are the only way the schema changes.
 *
 * <p>The embedded default is an H2 file under {@code data/} in PostgreSQL mode, so one set of SQL runs on both.
 * {@code AUTO_SERVER} lets a CLI command and a running service share the file: whichever opens it first serves
 * it to the other over loopback.
 */
public final class Database implements AutoCloseable {
    static {
        // The embedded H2's auto-server (which lets the service and the CLI share a home) listens on a TCP port,
        // by default on every interface: that would offer the ledger and the contact list to the network. Set
        // before H2 reads its system properties, which it does once, when its first database opens.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Database open(Settings settings) {
        String url = settings.find("broadside.db.url").orElseGet(() -> embeddedUrl(settings.home()));
        return open(url, settings.get("broadside.db.user", ""), settings.get("broadside.db.password", ""));
    }

    public static Database open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(0);
        config.setPoolName("broadside");
        // Keep trying to connect for a while: when a command and the service open the embedded file at the
        // same moment, H2 briefly refuses one of them ("Lock file recently modified") until the other serves it.
        config.setInitializationFailTimeout(20_000);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource);
    }

    /**
     * The directory of the embedded database, when it is the one in use (no {@code broadside.db.url}): a database
     * only this machine's processes open, so files beside it are seen by every process that uses it.
     */
    public static Optional<Path> embeddedDirectory(Settings settings) {
        return settings.find("broadside.db.url").isPresent() ? Optional.empty()
                : Optional.of(settings.home().resolve("data"));
    }

    static String embeddedUrl(Path home) {
        Path dir = home.resolve("data");
        try {
            PrivateDirectory.create(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        return "jdbc:h2:file:" + dir.resolve("broadside").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                // Wait for a row another sender holds rather than fail after H2's default second.
                + ";LOCK_TIMEOUT=10000"
                // Write each commit to the file before the commit returns. By default H2 keeps the last half second
                // or so of commits in memory, so a kill -9 undid deliveries already recorded as sent and the
                // restarted service mailed those people again (CrashRecoveryTest counted over a hundred).
                + ";WRITE_DELAY=0";
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs work in one transaction: committed if it returns, rolled back if it throws. A transaction that loses
     * a lock wait, a deadlock or a serialization conflict to another sender is run again from the start (work
     * is plain database work, safe to repeat), so that a concurrent claim can never lose a delivery's outcome.
     */
    public <T> T inTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (StoreException e) {
                if (attempt >= ATTEMPTS || !isTransient(e.getCause())) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static final int ATTEMPTS = 5;

    /** SQLSTATE 40001 serialization failure, 40P01 deadlock (PostgreSQL), HYT00 lock timeout (H2). */
    private static boolean isTransient(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("40") || sql.getSQLState().equals("HYT00"));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextInt(50));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying a transaction", e);
        }
    }

    private <T> T once(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** A unit of database work. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
