package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.broadside.App;
import org.broadside.config.Settings;
import org.broadside.store.Sql;
import org.broadside.testing.Samples;
import org.broadside.testing.TestHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sent outcomes journaled beside the embedded database reach the ledger table, and a dead sender's journal is
 * settled before its deliveries go back to the queue, so what it sent is not sent again.
 */
class OutcomeJournalTest {
    /** Outcomes reach the table only when the test settles them. */
    private static final long HOURLY = 3_600_000;
    private static final Instant SENT_AT = Instant.parse("2026-12-18T08:00:00.123456Z");

    @TempDir
    Path dir;

    @BeforeEach
    void scheduledRelease() {
        TestHome home = new TestHome(dir).set("broadside.dispatch.sender-timeout", "PT30S");
        home.run("contacts", "import", home.write("m.csv", Samples.members(3)).toString(), "--list", "members");
        home.run("submit", home.write("en.md", Samples.english()).toString());
        home.run("approve", "may-day-2027", "--by", "Eni");
        home.run("schedule", "may-day-2027");
    }

    @Test
    void recordedOutcomesAreInTheTableOnceSettledAndTheirSegmentsAreGone() throws Exception {
        try (App app = App.open(Settings.load(dir))) {
            Senders sender = new Senders(app.database(), app.clock(), Duration.ofSeconds(30));
            List<Long> ids = claimAll(app, sender.id());
            OutcomeJournal journal = new OutcomeJournal(app.database(), journalDir(), sender::id, HOURLY);
            String awkward = "250 2.0.0 queued\tas \\ABC\r\nsecond line";
            journal.record(new SentOutcome(ids.get(0), awkward, SENT_AT));
            journal.record(new SentOutcome(ids.get(1), null, SENT_AT));

            assertThat(segments()).singleElement().satisfies(segment ->
                    assertThat(Files.readAllLines(segment)).hasSize(2));

            journal.settle();

            assertThat(rows(app)).containsExactly(
                    "SENT|" + awkward + "|" + SENT_AT, "SENT|null|" + SENT_AT, "SENDING|null|null");
            assertThat(segments()).isEmpty();
            journal.close();
            sender.unregister();
        }
    }

    @Test
    void aDeadSendersJournalIsSettledBeforeItsDeliveriesAreRequeued() throws Exception {
        try (App app = App.open(Settings.load(dir))) {
            List<Long> ids = claimAll(app, "killed");
            app.database().inTransaction(connection -> Sql.update(connection, "INSERT INTO senders (id, host, pid,"
                    + " started_at, heartbeat_at) VALUES ('killed', 'elsewhere', 1, ?, ?)",
                    Instant.now().minusSeconds(600), Instant.now().minusSeconds(300)));
            Files.createDirectories(journalDir());
            byte[] first = OutcomeJournal.JournalLine.format(new SentOutcome(ids.get(0), "250 first", SENT_AT));
            byte[] second = OutcomeJournal.JournalLine.format(new SentOutcome(ids.get(1), "250 second", SENT_AT));
            byte[] torn = OutcomeJournal.JournalLine.format(new SentOutcome(ids.get(2), "250 third", SENT_AT));
            Files.write(journalDir().resolve("killed.1.journal"), first);
            byte[] garbled = "not\tan outcome\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Files.write(journalDir().resolve("killed.2.journal"),
                    concat(concat(garbled, second, second.length), torn, torn.length - 1));
            Path liveSegment = journalDir().resolve("someone-alive.1.journal");
            Files.write(liveSegment, first);
            app.database().inTransaction(connection -> Sql.update(connection, "INSERT INTO senders (id, host, pid,"
                    + " started_at, heartbeat_at) VALUES ('someone-alive', 'elsewhere', 1, ?, ?)",
                    Instant.now(), Instant.now()));

            int requeued = app.ledger().requeueStale();

            assertThat(requeued).as("only the delivery whose outcome was never fully written").isEqualTo(1);
            assertThat(rows(app)).containsExactly("SENT|250 first|" + SENT_AT, "SENT|250 second|" + SENT_AT,
                    "PENDING|null|null");
            assertThat(segments()).as("a live sender's journal is its own business").containsExactly(liveSegment);
        }
    }

    @Test
    void aBounceArrivingBeforeTheJournaledOutcomeReachesTheTableStillFailsTheDelivery() throws Exception {
        try (App app = App.open(Settings.load(dir))) {
            List<Long> ids = claimAll(app, "this-process");
            app.ledger().markSent(ids.get(0), "250 ok");
            app.ledger().markBounced(ids.get(0), "550 5.1.1 no such user");

            assertThat(rows(app).get(0)).startsWith("FAILED|550 5.1.1 no such user|");
        }
    }

    @Test
    void aJournaledOutcomeLeavesADeliveryThatAlreadyHasAnotherOutcomeAsItIs() throws Exception {
        try (App app = App.open(Settings.load(dir))) {
            Senders sender = new Senders(app.database(), app.clock(), Duration.ofSeconds(30));
            List<Long> ids = claimAll(app, sender.id());
            app.database().inTransaction(connection -> Sql.update(connection,
                    "UPDATE deliveries SET state = 'FAILED', last_reply = '550 gone' WHERE id = ?", ids.get(0)));
            OutcomeJournal journal = new OutcomeJournal(app.database(), journalDir(), sender::id, HOURLY);
            journal.record(new SentOutcome(ids.get(0), "250 ok", SENT_AT));

            journal.settle();

            assertThat(rows(app).get(0)).isEqualTo("FAILED|550 gone|null");
            journal.close();
            sender.unregister();
        }
    }

    @Test
    void anOutcomeThatCannotBeJournaledIsCommittedAtOnce() throws Exception {
        try (App app = App.open(Settings.load(dir))) {
            Senders sender = new Senders(app.database(), app.clock(), Duration.ofSeconds(30));
            List<Long> ids = claimAll(app, sender.id());
            Path notADirectory = Files.writeString(dir.resolve("journal-is-a-file"), "");
            OutcomeJournal journal = new OutcomeJournal(app.database(), notADirectory, sender::id, HOURLY);

            journal.record(new SentOutcome(ids.get(0), "250 ok", SENT_AT));

            assertThat(rows(app).get(0)).as("in the table without a settle").isEqualTo("SENT|250 ok|" + SENT_AT);
            journal.close();
            sender.unregister();
        }
    }

    private List<Long> claimAll(App app, String senderId) {
        return app.database().inTransaction(connection -> {
            Sql.update(connection, "UPDATE deliveries SET state = 'SENDING', sender_id = ?", senderId);
            return Sql.list(connection, "SELECT id FROM deliveries ORDER BY id", row -> row.getLong(1));
        });
    }

    private static List<String> rows(App app) {
        return app.database().inTransaction(connection -> Sql.list(connection,
                "SELECT state, last_reply, sent_at FROM deliveries ORDER BY id",
                row -> row.getString(1) + "|" + row.getString(2) + "|" + Sql.instant(row, "sent_at")));
    }

    private Path journalDir() {
        return dir.resolve("data").resolve("outcome-journal");
    }

    private List<Path> segments() throws IOException {
        if (!Files.isDirectory(journalDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(journalDir())) {
            return files.sorted().toList();
        }
    }

    private static byte[] concat(byte[] whole, byte[] part, int partLength) {
        byte[] joined = new byte[whole.length + partLength];
        System.arraycopy(whole, 0, joined, 0, whole.length);
        System.arraycopy(part, 0, joined, whole.length, partLength);
        return joined;
    }
}
