package org.broadside.audience;

import org.broadside.store.Database;
import org.broadside.testing.PostgresSchema;
import org.junit.jupiter.api.AfterEach;

/**
 * The store's tests on the PostgreSQL that this machine and CI run (see DESIGN.md), each in a schema of its
 * own so that parallel builds cannot collide; skipped where no PostgreSQL is listening.
 */
class ContactStoreOnPostgresTest extends ContactStoreTest {
    private PostgresSchema schema;

    @Override
    Database openDatabase() {
        schema = PostgresSchema.create("audience_test");
        return schema.open();
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }
}
