package org.broadside.audience;

import java.util.UUID;
import org.broadside.store.Database;
import org.broadside.store.Sql;

/** Real databases built by the real migrations, one per test so that tests cannot see each other's rows. */
final class TestDatabases {
    private TestDatabases() {
    }

    static Database h2() {
        return Database.open("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    static int rows(Database database, String table) {
        return database.inTransaction(connection -> Sql.first(connection, "SELECT COUNT(*) AS n FROM " + table,
                row -> row.getInt("n")).orElseThrow());
    }
}
