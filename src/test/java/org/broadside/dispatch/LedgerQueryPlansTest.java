package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import org.broadside.App;
import org.broadside.config.Settings;
import org.broadside.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plans H2 makes for the claim queries run once per batch: twice a plan that looked fine walked every row of
 * the release per batch, which only a 20,000-recipient benchmark showed (minutes before the first email). These
 * hold H2 to reading the (release_id, state, id) index in order.
 */
class LedgerQueryPlansTest {
    @TempDir
    Path dir;

    @Test
    void theNextBatchIsReadFromTheReleaseStateIndexInOrderAndStopsAtTheBatch() throws Exception {
        String plan = plan("EXPLAIN " + Ledger.NEXT_BATCH, "release", "email", OffsetDateTime.now(),
                OffsetDateTime.now(), 200);

        assertThat(plan).contains("deliveries_by_release_state").contains("index sorted");
    }

    @Test
    void theClaimedRowsAreFoundThroughTheReleaseStateIndex() throws Exception {
        String plan = plan("EXPLAIN " + Ledger.CLAIMED, "release", "claim-token");

        assertThat(plan).contains("deliveries_by_release_state");
    }

    private String plan(String explain, Object... parameters) throws Exception {
        new TestHome(dir);
        try (App app = App.open(Settings.load(dir))) {
            return app.database().inTransaction(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(explain)) {
                    for (int i = 0; i < parameters.length; i++) {
                        statement.setObject(i + 1, parameters[i]);
                    }
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        return row.getString(1);
                    }
                }
            });
        }
    }
}
