package org.broadside.dispatch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.broadside.audience.Contact;
import org.broadside.render.Format;
import org.broadside.store.Database;
import org.broadside.store.Sql;
import org.broadside.store.StoreException;

/**
 * The delivery ledger: one row per (release, recipient, channel). A sender claims rows (PENDING → SENDING)
 * before it hands a message to the transport and records the outcome after, so a restart finds every
 * delivery either done or still to do; only a message in flight at a crash can go out twice.
 */
public final class Ledger {
    private static final int MAX_REPLY = 1000;
    /** A delivery given back to the queue: pending again, and no sender's claim on it. */
    private static final String BACK_IN_QUEUE = "state = 'PENDING', claim = NULL, sender_id = NULL";

    private final Database database;
    private final Clock clock;
    private final Senders senders;
    private final RetryPolicy retries;
    private final FailureListener failures;
    private final SentRecorder sent;
    /** Claims the next batches of the releases being sent; its one thread ends when no release is being sent. */
    private final Executor claimer = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            runnable -> {
                Thread thread = new Thread(runnable, "broadside-claim-ahead");
                thread.setDaemon(true);
                return thread;
            });

    /** A ledger that commits every sent outcome to the table before the sender moves on. */
    public Ledger(Database database, Clock clock, Senders senders, RetryPolicy retries, FailureListener failures) {
        this(database, clock, senders, retries, failures, Optional.empty());
    }

    /**
     * @param outcomeJournal where this process journals sent outcomes before they reach the table (see
     *                       {@link OutcomeJournal}); empty to commit each one to the table instead
     */
    public Ledger(Database database, Clock clock, Senders senders, RetryPolicy retries, FailureListener failures,
                  Optional<Path> outcomeJournal) {
        this.database = database;
        this.clock = clock;
        this.senders = senders;
        this.retries = retries;
        this.failures = failures;
        this.sent = outcomeJournal.<SentRecorder>map(directory -> new OutcomeJournal(database, directory, senders::id))
                .orElseGet(() -> new CommittedSentRecorder(database));
    }

    /** A writer that adds the deliveries of a release being opened, in the caller's transaction. */
    public Writer writer(String releaseId, Connection connection) throws SQLException {
        return new Writer(releaseId, connection.prepareStatement(
                "INSERT INTO deliveries (release_id, recipient, channel, format, statement_id, country, language,"
                        + " state, attempts, message_id, send_at, updated_at, timezone, embargo_until)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?, ?)"));
    }

    /** Batches inserts, so that opening a release of 100,000 recipients is a few hundred round trips. */
    public final class Writer implements AutoCloseable {
        private static final int BATCH = 500;
        private final String releaseId;
        private final PreparedStatement insert;
        private int batched;

        private Writer(String releaseId, PreparedStatement insert) {
            this.releaseId = releaseId;
            this.insert = insert;
        }

        public void add(NewDelivery delivery) {
            try {
                insert.setString(1, releaseId);
                insert.setString(2, delivery.recipient());
                insert.setString(3, delivery.channel());
                insert.setString(4, delivery.format().key());
                insert.setString(5, delivery.statementId());
                insert.setString(6, delivery.country());
                insert.setString(7, delivery.language());
                insert.setString(8, delivery.messageId());
                insert.setObject(9, delivery.sendAt().atOffset(ZoneOffset.UTC));
                insert.setObject(10, clock.instant().atOffset(ZoneOffset.UTC));
                insert.setString(11, delivery.timezone());
                insert.setObject(12, delivery.embargoUntil() == null ? null
                        : delivery.embargoUntil().atOffset(ZoneOffset.UTC));
                insert.addBatch();
                if (++batched % BATCH == 0) {
                    insert.executeBatch();
                }
            } catch (SQLException e) {
                throw new StoreException("cannot add the delivery to " + delivery.recipient() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws SQLException {
            try (insert) {
                insert.executeBatch();
            }
        }
    }

    /**
     * The pending deliveries of a release on a channel, claimed batch by batch as the caller iterates, the next
     * batch while the caller sends the last (see {@link ClaimedBatches}): never more than two batches in memory,
     * and never a row that another sender has claimed.
     */
    public Iterator<Delivery> claimPending(String releaseId, String channel, int batchSize) {
        return ClaimedBatches.claimingAhead(() -> claimBatch(releaseId, channel, batchSize), claimer);
    }

    /** A due delivery of a release on a channel; parameters: release id, channel, fired until, now. */
    private static final String DUE = "release_id = ? AND state = 'PENDING' AND channel = ? AND send_at <= ?"
            + " AND (retry_at IS NULL OR retry_at <= ?)";
    /**
     * The next batch of due deliveries; parameters: those of {@link #DUE}, then the batch size. Ordered by the whole
     * (release_id, state, id) index although the first two are fixed: only then does H2 read the index in order
     * and stop at the batch; ORDER BY id alone sorted every pending row of the release for each batch (13% of the
     * sending threads' time at 20,000 recipients). {@code LedgerQueryPlansTest} holds H2 to that.
     */
    static final String NEXT_BATCH = "SELECT id FROM deliveries WHERE " + DUE
            + " ORDER BY release_id, state, id LIMIT ?";
    /**
     * What a claim won, with its contacts; parameters: release id, claim token. Found among the release's rows in
     * SENDING through the same index (only the rows in flight), so the claim token needs no index of its own.
     */
    static final String CLAIMED = "SELECT d.id, d.release_id, d.channel, d.format, d.statement_id,"
            + " d.message_id, d.attempts, d.timezone AS planned_zone, d.embargo_until,"
            + " c.email, c.address, c.country, c.organization, c.contact_name,"
            + " c.language, c.timezone FROM deliveries d JOIN contacts c ON c.email = d.recipient"
            + " WHERE d.release_id = ? AND d.state = 'SENDING' AND d.claim = ? ORDER BY d.id";

    /**
     * Claims up to a batch of due deliveries: moves them from PENDING to SENDING with a claim token. An address
     * suppressed after its release was planned (unsubscribed, bounced, suppressed by hand) is never mailed: its
     * delivery is settled as SUPPRESSED, with the reason, when it would have been claimed.
     */
    List<Delivery> claimBatch(String releaseId, String channel, int batchSize) {
        String claim = UUID.randomUUID().toString();
        String sender = senders.id();
        return database.inTransaction(connection -> {
            Optional<Instant> firedUntil = Sql.first(connection,
                    "SELECT fired_until FROM releases WHERE id = ? AND state = 'DISPATCHING'",
                    row -> Sql.instant(row, "fired_until"), releaseId);
            if (firedUntil.isEmpty()) {
                return List.of();
            }
            // Only deliveries whose trigger has fired (send_at up to fired_until) of a dispatching release:
            // this is what keeps an embargoed public copy, or a paused or missed release, from going out.
            Instant now = clock.instant();
            Instant fired = firedUntil.get();
            List<Long> batch = Sql.list(connection, NEXT_BATCH, row -> row.getLong(1),
                    releaseId, channel, fired, now, batchSize);
            if (batch.isEmpty()) {
                return List.of();
            }
            // The batch is every due row up to its last id, so each update below is one statement over that
            // stretch of the index (one per row cost more than the rest of the claim). The state condition is
            // what keeps two senders from claiming one row; what this sender won is read back by its token.
            long last = batch.get(batch.size() - 1);
            Sql.update(connection, "UPDATE deliveries SET state = 'SUPPRESSED', last_reply = (SELECT 'suppressed: '"
                    + " || s.reason FROM suppressions s WHERE s.email = deliveries.recipient), updated_at = ?"
                    + " WHERE " + DUE + " AND id <= ?"
                    + " AND EXISTS (SELECT 1 FROM suppressions s WHERE s.email = deliveries.recipient)",
                    now, releaseId, channel, fired, now, last);
            Sql.update(connection, "UPDATE deliveries SET state = 'SENDING', claim = ?, sender_id = ?,"
                    + " attempts = attempts + 1, updated_at = ? WHERE " + DUE + " AND id <= ?",
                    claim, sender, now, releaseId, channel, fired, now, last);
            return Sql.list(connection, CLAIMED, Ledger::delivery, releaseId, claim);
        });
    }

    /**
     * Plans the pending deliveries of a release again (a new release time, or now): each row's send time,
     * zone and embargo are replaced by what {@code plan} says for its contact. Deliveries already sent keep theirs.
     */
    public int replan(String releaseId, Function<Contact, Replanned> plan, Connection connection) throws SQLException {
        List<Delivery> pending = Sql.list(connection, "SELECT d.id, d.release_id, d.channel, d.format,"
                + " d.statement_id, d.message_id, d.attempts, d.timezone AS planned_zone, d.embargo_until,"
                + " c.email, c.address, c.country, c.organization, c.contact_name, c.language, c.timezone"
                + " FROM deliveries d JOIN contacts c ON c.email = d.recipient WHERE d.release_id = ?"
                + " AND d.state = 'PENDING' ORDER BY d.id", Ledger::delivery, releaseId);
        try (PreparedStatement update = connection.prepareStatement("UPDATE deliveries SET send_at = ?,"
                + " timezone = ?, embargo_until = ?, updated_at = ? WHERE id = ? AND state = 'PENDING'")) {
            for (Delivery delivery : pending) {
                Replanned replanned = plan.apply(delivery.recipient());
                update.setObject(1, replanned.sendAt().atOffset(ZoneOffset.UTC));
                update.setString(2, replanned.timezone());
                update.setObject(3, replanned.embargoUntil() == null ? null
                        : replanned.embargoUntil().atOffset(ZoneOffset.UTC));
                update.setObject(4, clock.instant().atOffset(ZoneOffset.UTC));
                update.setLong(5, delivery.id());
                update.addBatch();
            }
            update.executeBatch();
        }
        return pending.size();
    }

    /** A delivery's new send time, zone and embargo. */
    public record Replanned(java.time.Instant sendAt, String timezone, java.time.Instant embargoUntil) {
    }

    /** The distinct instants at which deliveries of a release are still to be sent: one trigger each. */
    public List<java.time.Instant> pendingInstants(String releaseId) {
        return database.inTransaction(connection -> Sql.list(connection,
                "SELECT DISTINCT send_at FROM deliveries WHERE release_id = ? AND state = 'PENDING' ORDER BY send_at",
                row -> Sql.instant(row, "send_at"), releaseId));
    }

    /**
     * Records that the server accepted a delivery's message; returns once that survives a crash of this process,
     * so that a restart never sends it again. The dispatch route's recordSent step calls it with the deliveryId
     * header and the transport's reply (the body).
     */
    public void markSent(long deliveryId, String reply) {
        sent.record(new SentOutcome(deliveryId, truncate(reply), clock.instant()));
    }

    /**
     * Returns once every outcome this process recorded is in the deliveries table: the dispatch route calls it
     * before it decides whether a release is finished.
     */
    public void settle() {
        sent.settle();
    }

    /** Settles what this process recorded and stops journaling; call once no thread is sending. */
    public void close() {
        sent.close();
    }

    /**
     * Records a failed attempt. A temporary failure (a 4xx reply, a lost connection) goes back to PENDING until
     * its backoff has passed, while the delivery is younger than the retry age; a delivery held back by a
     * sending quota waits until the quota frees up, without counting as an attempt or an error; anything else
     * fails for good, with the reply kept for the report. Every real failure counts toward the release's
     * auto-pause threshold.
     */
    public void markFailed(long deliveryId, Exception failure) {
        String reply = truncate(failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage());
        database.inTransaction(connection -> {
            Optional<FailedRow> row = Sql.first(connection, "SELECT release_id, attempts, send_at FROM deliveries"
                    + " WHERE id = ?", r -> new FailedRow(r.getString("release_id"),
                    new RetryPolicy.Attempt(r.getInt("attempts"), Sql.instant(r, "send_at"))), deliveryId);
            if (row.isEmpty()) {
                return 0;
            }
            Optional<Instant> retryAt;
            if (failure instanceof DeliveryDeferredException deferred) {
                retryAt = retries.deferred(row.get().attempt().sendAt(), deferred.until());
                if (retryAt.isPresent()) {
                    // Never offered to the server: the claim does not count as an attempt.
                    return Sql.update(connection, "UPDATE deliveries SET " + BACK_IN_QUEUE
                            + ", attempts = attempts - 1, retry_at = ?, last_reply = ?, updated_at = ? WHERE id = ?",
                            retryAt.get(), reply, clock.instant(), deliveryId);
                }
            } else {
                failures.failed(row.get().releaseId(), reply, connection);
                boolean temporary = failure instanceof DeliveryFailedException delivery && !delivery.isPermanent();
                retryAt = temporary ? retries.next(row.get().attempt(), clock.instant()) : Optional.empty();
                if (retryAt.isPresent()) {
                    return Sql.update(connection, "UPDATE deliveries SET " + BACK_IN_QUEUE + ", retry_at = ?,"
                            + " last_reply = ?, updated_at = ? WHERE id = ?", retryAt.get(), reply, clock.instant(),
                            deliveryId);
                }
            }
            return Sql.update(connection, "UPDATE deliveries SET state = 'FAILED', last_reply = ?, updated_at = ?"
                    + " WHERE id = ?", reply, clock.instant(), deliveryId);
        });
    }

    private record FailedRow(String releaseId, RetryPolicy.Attempt attempt) {
    }

    /**
     * Gives a claimed delivery back untried (its release was paused or cancelled while it waited to be sent):
     * it is pending again and the claim does not count as an attempt.
     */
    public void unclaim(long deliveryId) {
        database.inTransaction(connection -> Sql.update(connection, "UPDATE deliveries SET " + BACK_IN_QUEUE
                + ", attempts = attempts - 1, updated_at = ? WHERE id = ? AND state = 'SENDING'", clock.instant(),
                deliveryId));
    }

    /** When the earliest delivery of a release waiting for a retry may go again, if any waits. */
    public Optional<Instant> nextRetry(String releaseId) {
        return database.inTransaction(connection -> Sql.first(connection,
                "SELECT MIN(retry_at) AS next_retry FROM deliveries WHERE release_id = ? AND state = 'PENDING'"
                        + " AND retry_at IS NOT NULL", row -> Sql.instant(row, "next_retry"), releaseId));
    }

    /**
     * Puts deliveries back in the queue that a sender claimed and never settled because it is gone (see
     * {@link Senders}): killed, crashed or stopped. A live sender's rows are never taken from it, however long
     * its throttled queue takes.
     */
    public int requeueStale() {
        Requeued requeued = database.inTransaction(connection -> {
            senders.removeDead(connection);
            // What a dead sender had journaled as sent is settled first: those messages went out.
            Runnable forget = sent.recoverOrphans(connection,
                    Set.copyOf(Sql.list(connection, "SELECT id FROM senders", row -> row.getString(1))));
            int rows = Sql.update(connection, "UPDATE deliveries SET " + BACK_IN_QUEUE + ", updated_at = ?"
                    + " WHERE state = 'SENDING'"
                    + " AND NOT EXISTS (SELECT 1 FROM senders s WHERE s.id = deliveries.sender_id)", clock.instant());
            return new Requeued(rows, forget);
        });
        requeued.forgetRecovered().run();
        return requeued.rows();
    }

    private record Requeued(int rows, Runnable forgetRecovered) {
    }

    /**
     * Every email sent since an instant, oldest first (to seed the sending quotas after a restart); social posts
     * count against their network's limits, not the mail provider's.
     */
    public void forEachSentSince(Instant since, java.util.function.Consumer<Instant> each) {
        database.inTransaction(connection -> {
            Sql.each(connection, "SELECT sent_at FROM deliveries WHERE sent_at > ? AND channel = 'email'"
                    + " ORDER BY sent_at",
                    row -> each.accept(Sql.instant(row, "sent_at")), since);
            return null;
        });
    }

    /** One delivery as the report shows it. */
    public record ReportRow(String recipient, String country, String language, String format, String timezone,
                            DeliveryState state, int attempts, Instant sendAt, Instant sentAt, String lastReply,
                            int softBounces) {
    }

    /** Every delivery of a release in send order, one at a time (a release may have 100,000). */
    public void forEachReportRow(String releaseId, java.util.function.Consumer<ReportRow> each) {
        database.inTransaction(connection -> {
            Sql.each(connection, "SELECT recipient, country, language, format, timezone, state, attempts, send_at,"
                    + " sent_at, last_reply, soft_bounces FROM deliveries WHERE release_id = ?"
                    + " ORDER BY send_at, recipient",
                    row -> each.accept(new ReportRow(row.getString("recipient"), row.getString("country"),
                            row.getString("language"), row.getString("format"), row.getString("timezone"),
                            DeliveryState.valueOf(row.getString("state")), row.getInt("attempts"),
                            Sql.instant(row, "send_at"), Sql.instant(row, "sent_at"), row.getString("last_reply"),
                            row.getInt("soft_bounces"))),
                    releaseId);
            return null;
        });
    }

    /** Counts per state. */
    public Map<DeliveryState, Integer> counts(String releaseId) {
        return database.inTransaction(connection -> {
            Map<DeliveryState, Integer> counts = new EnumMap<>(DeliveryState.class);
            for (DeliveryState state : DeliveryState.values()) {
                counts.put(state, 0);
            }
            Sql.each(connection, "SELECT state, COUNT(*) FROM deliveries WHERE release_id = ? GROUP BY state",
                    row -> counts.put(DeliveryState.valueOf(row.getString(1)), row.getInt(2)), releaseId);
            return counts;
        });
    }

    /** Counts per value of one column (country, language, format) and state, for the status summary. */
    public Map<String, Map<DeliveryState, Integer>> countsBy(String releaseId, Breakdown breakdown) {
        return database.inTransaction(connection -> {
            Map<String, Map<DeliveryState, Integer>> counts = new LinkedHashMap<>();
            Sql.each(connection, "SELECT " + breakdown.column + ", state, COUNT(*) FROM deliveries"
                    + " WHERE release_id = ? GROUP BY " + breakdown.column + ", state ORDER BY " + breakdown.column,
                    // Social posts have no country: shown as "none" rather than "null".
                    row -> counts.computeIfAbsent(java.util.Objects.requireNonNullElse(row.getString(1), "none"),
                            key -> new EnumMap<>(DeliveryState.class))
                            .merge(DeliveryState.valueOf(row.getString(2)), row.getInt(3), Integer::sum),
                    releaseId);
            return counts;
        });
    }

    /** The deliveries planned for one time zone at one instant, by state: a line of a release's plan. */
    public record PlanLine(String timezone, Instant sendAt, Map<DeliveryState, Integer> counts) {
    }

    /** A release's plan by time zone, in send order: when each zone's recipients get it, and how far it got. */
    public List<PlanLine> planByZone(String releaseId) {
        return database.inTransaction(connection -> {
            Map<String, PlanLine> lines = new LinkedHashMap<>();
            Sql.each(connection, "SELECT timezone, send_at, state, COUNT(*) AS deliveries FROM deliveries"
                    + " WHERE release_id = ? GROUP BY timezone, send_at, state ORDER BY send_at, timezone", row -> {
                        Instant sendAt = Sql.instant(row, "send_at");
                        String timezone = row.getString("timezone");
                        lines.computeIfAbsent(timezone + "@" + sendAt,
                                key -> new PlanLine(timezone, sendAt, new EnumMap<>(DeliveryState.class)))
                                .counts().put(DeliveryState.valueOf(row.getString("state")), row.getInt("deliveries"));
                    }, releaseId);
            return List.copyOf(lines.values());
        });
    }

    /** The columns a status summary can break down by; a closed set, since it is spliced into SQL. */
    public enum Breakdown {
        COUNTRY("country"),
        LANGUAGE("language"),
        FORMAT("format");

        private final String column;

        Breakdown(String column) {
            this.column = column;
        }
    }

    /** The address a delivery went to; empty when there is no such delivery. */
    public Optional<String> recipientOf(long deliveryId) {
        return database.inTransaction(connection -> Sql.first(connection,
                "SELECT recipient FROM deliveries WHERE id = ?", row -> row.getString("recipient"), deliveryId));
    }

    /**
     * A hard bounce: the server accepted the message but it never reached the recipient. A delivery recorded as
     * SENT becomes FAILED, with the bounce as its last reply, so the report tells the truth. Recording it twice
     * (the same bounce read again) changes nothing more.
     */
    public void markBounced(long deliveryId, String bounce) {
        sent.settle(); // the bounce of a message this process sent a moment ago must find it sent
        database.inTransaction(connection -> Sql.update(connection, "UPDATE deliveries"
                + " SET state = CASE WHEN state = 'SENT' THEN 'FAILED' ELSE state END, last_reply = ?, updated_at = ?"
                + " WHERE id = ?", truncate(bounce), clock.instant(), deliveryId));
    }

    /**
     * A soft bounce (a full mailbox, a delay notice, a server that gave up on a temporary failure) counts against
     * the delivery and keeps its state. It becomes the last reply unless the delivery has already failed, whose
     * reply says why.
     */
    public void countSoftBounce(long deliveryId, String bounce) {
        sent.settle();
        database.inTransaction(connection -> Sql.update(connection, "UPDATE deliveries"
                + " SET soft_bounces = soft_bounces + 1,"
                + " last_reply = CASE WHEN state = 'FAILED' THEN last_reply ELSE ? END, updated_at = ?"
                + " WHERE id = ?", truncate(bounce), clock.instant(), deliveryId));
    }

    private static Delivery delivery(ResultSet row) throws SQLException {
        Contact contact = new Contact(row.getString("email"), row.getString("address"), row.getString("country"),
                row.getString("organization"), row.getString("contact_name"), row.getString("language"),
                row.getString("timezone"), Set.of());
        return new Delivery(row.getLong("id"), row.getString("release_id"), contact, row.getString("channel"),
                Format.valueOf(row.getString("format").toUpperCase(java.util.Locale.ROOT)),
                row.getString("statement_id"), row.getString("message_id"), row.getInt("attempts"),
                java.time.ZoneId.of(row.getString("planned_zone")), Sql.instant(row, "embargo_until"));
    }

    private static String truncate(String reply) {
        if (reply == null) {
            return null;
        }
        String oneLine = reply.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_REPLY ? oneLine : oneLine.substring(0, MAX_REPLY);
    }
}
