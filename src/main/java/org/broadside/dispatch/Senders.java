package org.broadside.dispatch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import org.broadside.store.Database;
import org.broadside.store.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes that claim deliveries: this one registers on its first claim and beats its heart until it
 * closes. A delivery left in SENDING by a sender that is gone (its heartbeat older than the timeout, or its
 * process no longer running on this host) was never settled: {@link Ledger#requeueStale} puts it back. This
 * replaces a long claim lease, which had to outlast the slowest throttled batch and so delayed every recovery.
 */
public final class Senders {
    private static final Logger LOG = LoggerFactory.getLogger(Senders.class);

    private final Database database;
    private final Clock clock;
    private final Duration timeout;
    private final String id = UUID.randomUUID().toString();
    private final String host = hostName();
    private final long pid = ProcessHandle.current().pid();
    private ScheduledExecutorService heart;

    /** @param timeout how long a sender may go without a heartbeat before it counts as dead */
    public Senders(Database database, Clock clock, Duration timeout) {
        this.database = database;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** This process's sender id; registers it and starts its heartbeat on first use. */
    public synchronized String id() {
        if (heart == null) {
            database.inTransaction(connection -> Sql.update(connection, "INSERT INTO senders (id, host, pid,"
                    + " started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)", id, host, pid, clock.instant(),
                    clock.instant()));
            heart = PeriodicTask.start("broadside-sender-heartbeat", Math.max(100, timeout.toMillis() / 3),
                    this::beat);
        }
        return id;
    }

    private void beat() {
        try {
            database.inTransaction(connection -> Sql.update(connection,
                    "UPDATE senders SET heartbeat_at = ? WHERE id = ?", clock.instant(), id));
        } catch (RuntimeException e) {
            // A missed beat is survivable (the timeout allows three); the next one tries again.
            LOG.warn("sender heartbeat failed: {}", e.getMessage());
        }
    }

    /**
     * Forgets the senders that are gone, so their deliveries count as unclaimed. Called in the caller's
     * transaction, just before their rows are requeued.
     */
    int removeDead(java.sql.Connection connection) throws java.sql.SQLException {
        List<String> dead = new java.util.ArrayList<>();
        Sql.each(connection, "SELECT id, host, pid, heartbeat_at FROM senders", row -> {
            if (isDead(row.getString("host"), row.getLong("pid"), Sql.instant(row, "heartbeat_at"))) {
                dead.add(row.getString("id"));
            }
        });
        for (String sender : dead) {
            Sql.update(connection, "DELETE FROM senders WHERE id = ?", sender);
        }
        return dead.size();
    }

    private boolean isDead(String senderHost, long senderPid, java.time.Instant heartbeat) {
        if (heartbeat.isBefore(clock.instant().minus(timeout))) {
            return true;
        }
        // On this host a killed sender is known dead at once: no need to wait out its heartbeat.
        return senderHost.equals(host) && senderPid != pid && ProcessHandle.of(senderPid).isEmpty();
    }

    /**
     * Stops the heartbeat and unregisters. Returns whether this process had registered, i.e. may have left
     * deliveries claimed: once unregistered they count as orphaned and {@link Ledger#requeueStale} takes them back.
     */
    public synchronized boolean unregister() {
        if (heart == null) {
            return false;
        }
        heart.shutdownNow();
        heart = null;
        try {
            database.inTransaction(connection -> Sql.update(connection, "DELETE FROM senders WHERE id = ?", id));
        } catch (RuntimeException e) {
            // The database may already be unreachable at shutdown; the stale heartbeat gives this sender away.
            LOG.warn("could not unregister sender {}: {}", id, e.getMessage());
        }
        return true;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
