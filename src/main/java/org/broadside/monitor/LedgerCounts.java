package org.broadside.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.broadside.dispatch.DeliveryState;
import org.broadside.store.Database;
import org.broadside.store.Sql;

/**
 * The ledger counted for the metrics, in two queries per scrape. The ledger, not this process, is the truth:
 * it survives restarts and is shared by the CLI, the service and (later) every node of a cluster.
 *
 * @param byState     deliveries of every release, per state
 * @param retried     deliveries that met a temporary failure or a quota: tried more than once, or waiting for a
 *                    retry
 * @param releases    per state, for each release still going (scheduled, dispatching, paused) or finished within
 *                    the last day, so that the series of old releases end instead of piling up
 */
record LedgerCounts(Map<DeliveryState, Long> byState, long retried, List<ReleaseCount> releases) {

    /** How many deliveries of a release are in a state. */
    record ReleaseCount(String release, DeliveryState state, long count) {
    }

    static LedgerCounts read(Database database, Instant recentSince) {
        return database.inTransaction(connection -> {
            Map<DeliveryState, Long> byState = new EnumMap<>(DeliveryState.class);
            for (DeliveryState state : DeliveryState.values()) {
                byState.put(state, 0L);
            }
            long[] retried = {0};
            // One pass over the ledger for both figures; retry_at is only ever set by a failure or a quota wait.
            Sql.each(connection, "SELECT state, COUNT(*),"
                            + " SUM(CASE WHEN attempts > 1 OR retry_at IS NOT NULL THEN 1 ELSE 0 END)"
                            + " FROM deliveries GROUP BY state",
                    row -> {
                        byState.put(DeliveryState.valueOf(row.getString(1)), row.getLong(2));
                        retried[0] += row.getLong(3);
                    });
            List<ReleaseCount> releases = new ArrayList<>();
            Sql.each(connection, "SELECT d.release_id, d.state, COUNT(*) FROM deliveries d"
                            + " JOIN releases r ON r.id = d.release_id"
                            + " WHERE r.state IN ('SCHEDULED', 'DISPATCHING', 'PAUSED') OR r.finished_at > ?"
                            + " GROUP BY d.release_id, d.state ORDER BY d.release_id",
                    row -> releases.add(new ReleaseCount(row.getString(1), DeliveryState.valueOf(row.getString(2)),
                            row.getLong(3))),
                    recentSince);
            return new LedgerCounts(byState, retried[0], releases);
        });
    }

    long count(DeliveryState state) {
        return byState.getOrDefault(state, 0L);
    }
}
