package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.broadside.App;
import org.broadside.config.Settings;
import org.broadside.store.Sql;
import org.broadside.testing.Samples;
import org.broadside.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliveries claimed by a sender that is gone go back to the queue; a live sender's are left to it. */
class SendersTest {
    @TempDir
    Path dir;

    @Test
    void requeuesWhatADeadSenderClaimedAndLeavesALiveSendersRows() throws Exception {
        TestHome home = new TestHome(dir).set("broadside.dispatch.sender-timeout", "PT30S");
        home.run("contacts", "import", home.write("m.csv", Samples.members(4)).toString(), "--list", "members");
        home.run("submit", home.write("en.md", Samples.english()).toString());
        home.run("approve", "may-day-2027", "--by", "Eni");
        home.run("schedule", "may-day-2027");
        try (App app = App.open(Settings.load(dir))) {
            Senders live = new Senders(app.database(), app.clock(), java.time.Duration.ofSeconds(30));
            String liveId = live.id();
            long finishedPid = finishedProcessPid();
            String thisHost = java.net.InetAddress.getLocalHost().getHostName();
            app.database().inTransaction(connection -> {
                Instant now = Instant.now();
                Sql.update(connection, "INSERT INTO senders (id, host, pid, started_at, heartbeat_at)"
                        + " VALUES ('silent', 'elsewhere', 1, ?, ?)", now.minusSeconds(300), now.minusSeconds(60));
                Sql.update(connection, "INSERT INTO senders (id, host, pid, started_at, heartbeat_at)"
                        + " VALUES ('killed', ?, ?, ?, ?)", thisHost,
                        finishedPid, now, now);
                List<Long> ids = Sql.list(connection, "SELECT id FROM deliveries ORDER BY id", row -> row.getLong(1));
                String[] owners = {"silent", "killed", liveId, null};
                for (int i = 0; i < ids.size(); i++) {
                    Sql.update(connection, "UPDATE deliveries SET state = 'SENDING', sender_id = ? WHERE id = ?",
                            owners[i], ids.get(i));
                }
                return null;
            });

            int requeued = app.ledger().requeueStale();

            assertThat(requeued).as("silent heartbeat, killed process, no owner").isEqualTo(3);
            List<String> rows = app.database().inTransaction(connection -> Sql.list(connection,
                    "SELECT state || ':' || COALESCE(sender_id, '-') FROM deliveries ORDER BY id",
                    row -> row.getString(1)));
            assertThat(rows).containsExactly("PENDING:-", "PENDING:-", "SENDING:" + liveId,
                    "PENDING:-");
            List<String> senders = app.database().inTransaction(connection -> Sql.list(connection,
                    "SELECT id FROM senders", row -> row.getString(1)));
            assertThat(senders).containsExactly(liveId);

            assertThat(live.unregister()).isTrue();
            assertThat(app.ledger().requeueStale()).as("an unregistered sender's rows are free").isEqualTo(1);
        }
    }

    /** The pid of a process that has exited, as a killed sender's would be. */
    private static long finishedProcessPid() {
        try {
            Process process = new ProcessBuilder("true").start();
            process.waitFor();
            return process.pid();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
