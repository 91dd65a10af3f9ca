package org.broadside.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few JDBC idioms Broadside needs, so repositories read as SQL and not as plumbing.
 * Instants are bound and read as {@code TIMESTAMP WITH TIME ZONE} in UTC on both H2 and PostgreSQL.
 */
public final class Sql {
    private Sql() {
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    public interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    public static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        List<T> rows = new ArrayList<>();
        each(connection, sql, row -> rows.add(mapper.map(row)), parameters);
        return rows;
    }

    public static <T> Optional<T> first(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.ofNullable(mapper.map(row)) : Optional.empty();
        }
    }

    public static void each(Connection connection, String sql, RowHandler handler, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                handler.handle(row);
            }
        }
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i] instanceof Instant instant
                        ? instant.atOffset(ZoneOffset.UTC)
                        : parameters[i];
                statement.setObject(i + 1, value);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
