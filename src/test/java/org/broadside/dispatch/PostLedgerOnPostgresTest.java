package org.broadside.dispatch;

import org.broadside.store.Database;
import org.broadside.testing.PostgresSchema;
import org.junit.jupiter.api.AfterEach;

/** The post ledger's SQL on PostgreSQL, in a schema of its own; skipped where no PostgreSQL is listening. */
class PostLedgerOnPostgresTest extends PostLedgerTest {
    private PostgresSchema schema;

    @Override
    Database openDatabase() {
        schema = PostgresSchema.create("posts_test");
        return schema.open();
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }
}
