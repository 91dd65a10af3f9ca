package org.broadside.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.broadside.social.Network;
import org.broadside.social.PublishedPost;
import org.broadside.store.Database;
import org.broadside.store.Sql;

/**
 * The social posts of the delivery ledger (see V9__social_posts.sql for how a post is a row): each post of each
 * thread is claimed, published and recorded like an email, and a thread goes out in order, post n+1 only once
 * post n is sent. Failures are recorded by {@link Ledger#markFailed}, with the same retries and backoff.
 */
public final class PostLedger {
    /** What a post's row records when it cannot go because an earlier post of its thread failed. */
    static final String THREAD_BROKEN = "not posted: an earlier post of its thread failed";
    /**
     * A post that may be published now: pending, due (its release's trigger has fired), not waiting for a retry,
     * and first in its thread or replying to a post already sent. Parameters: release, fired until, now.
     */
    // post_number IS NOT NULL first: it is FALSE for an email row, which ends the row's evaluation there. With
    // "post_number >= 1" alone an email row's condition is NULL, not FALSE, and H2 went on to run the EXISTS for
    // each of them, walking the release's rows again for every email: 8 minutes before the first email of a
    // 20,000-recipient release.
    private static final String DUE = "d.post_number IS NOT NULL AND d.release_id = ? AND d.post_number >= 1"
            + " AND d.state = 'PENDING'"
            + " AND d.send_at <= ? AND (d.retry_at IS NULL OR d.retry_at <= ?)"
            + " AND (d.post_number = 1 OR EXISTS (SELECT 1 FROM deliveries p WHERE p.release_id = d.release_id"
            + " AND p.post_number = d.post_number - 1 AND p.channel = d.channel AND p.language = d.language"
            + " AND p.state = 'SENT'))";
    private static final String POST_COLUMNS = "d.id, d.release_id, d.channel, d.language, d.post_number,"
            + " d.post_text, d.message_id";

    private final Database database;
    private final Clock clock;
    private final Senders senders;

    public PostLedger(Database database, Clock clock, Senders senders) {
        this.database = database;
        this.clock = clock;
        this.senders = senders;
    }

    /**
     * Adds the posts of a release, due at {@code sendAt}, in the caller's transaction: the one that marks the
     * release's social posts written, so that they are added exactly once.
     */
    public void add(String releaseId, List<NewPost> posts, Instant sendAt, Connection connection)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO deliveries (release_id, recipient,"
                + " channel, format, statement_id, language, state, attempts, message_id, send_at, updated_at,"
                + " post_number, post_text) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?, ?)")) {
            for (NewPost post : posts) {
                String network = post.network().key();
                insert.setString(1, releaseId);
                insert.setString(2, post.recipient());
                insert.setString(3, network);
                insert.setString(4, network);
                insert.setString(5, post.statementId());
                insert.setString(6, post.language());
                insert.setString(7, post.idempotencyKey(releaseId));
                insert.setObject(8, sendAt.atOffset(ZoneOffset.UTC));
                insert.setObject(9, clock.instant().atOffset(ZoneOffset.UTC));
                insert.setInt(10, post.number());
                insert.setString(11, post.text());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Whether a post of a dispatching release may be published now. The route asks again after each pass,
     * since a pass that publishes post n makes post n+1 due; a post deferred, failed or held back by a paused
     * release is not due, so the passes end.
     */
    public boolean hasDue(String releaseId) {
        return database.inTransaction(connection -> {
            Optional<Instant> firedUntil = firedUntil(releaseId, connection);
            return firedUntil.isPresent() && Sql.first(connection, "SELECT 1 FROM deliveries d WHERE " + DUE
                    + " LIMIT 1", row -> true, releaseId, firedUntil.get(), clock.instant()).isPresent();
        });
    }

    /** How far a release's triggers have fired, if it is dispatching: nothing of it is due otherwise. */
    private static Optional<Instant> firedUntil(String releaseId, Connection connection) throws SQLException {
        return Sql.first(connection, "SELECT fired_until FROM releases WHERE id = ? AND state = 'DISPATCHING'",
                row -> Sql.instant(row, "fired_until"), releaseId);
    }

    /**
     * The posts of a release that may be published now, claimed batch by batch as the caller iterates. A post
     * that becomes due meanwhile (the next of a thread) waits for the next pass (see {@link #hasDue}): Camel's
     * split asks whether there is a next element before it processes the current one.
     */
    public Iterator<PostDelivery> claimPending(String releaseId, int batchSize) {
        return ClaimedBatches.onDemand(() -> claimBatch(releaseId, batchSize));
    }

    /**
     * Claims the posts that are due, not waiting for a retry, and either first in their thread or replying to a
     * post already sent, as {@link Ledger} claims emails: PENDING to SENDING with a claim token, conditionally
     * per row, so that two senders never claim one post.
     */
    List<PostDelivery> claimBatch(String releaseId, int batchSize) {
        String claim = UUID.randomUUID().toString();
        String sender = senders.id();
        return database.inTransaction(connection -> {
            Optional<Instant> firedUntil = firedUntil(releaseId, connection);
            if (firedUntil.isEmpty()) {
                return List.of();
            }
            Instant now = clock.instant();
            List<Long> candidates = Sql.list(connection, "SELECT d.id FROM deliveries d WHERE " + DUE
                    + " ORDER BY d.id LIMIT ?", row -> row.getLong(1), releaseId, firedUntil.get(), now, batchSize);
            if (candidates.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE deliveries SET state = 'SENDING',"
                    + " claim = ?, sender_id = ?, attempts = attempts + 1, updated_at = ?"
                    + " WHERE id = ? AND state = 'PENDING'")) {
                for (long id : candidates) {
                    update.setString(1, claim);
                    update.setString(2, sender);
                    update.setObject(3, now.atOffset(ZoneOffset.UTC));
                    update.setLong(4, id);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return Sql.list(connection, "SELECT " + POST_COLUMNS + ","
                    + " r.post_id AS root_id, r.post_cid AS root_cid, r.post_url AS root_url,"
                    + " p.post_id AS parent_id, p.post_cid AS parent_cid, p.post_url AS parent_url"
                    + " FROM deliveries d"
                    + " LEFT JOIN deliveries r ON d.post_number > 1 AND r.release_id = d.release_id"
                    + " AND r.post_number = 1 AND r.channel = d.channel AND r.language = d.language"
                    + " LEFT JOIN deliveries p ON p.release_id = d.release_id AND p.post_number = d.post_number - 1"
                    + " AND p.channel = d.channel AND p.language = d.language"
                    + " WHERE d.release_id = ? AND d.state = 'SENDING' AND d.claim = ? ORDER BY d.id", PostLedger::post,
                    releaseId, claim);
        });
    }

    /**
     * A post whose thread has a failed post before it can never reply to it: it fails too, so that the release
     * can finish and the report says why, instead of the post waiting for ever.
     */
    public void failBrokenThreads(String releaseId) {
        database.inTransaction(connection -> Sql.update(connection, "UPDATE deliveries SET state = 'FAILED',"
                + " last_reply = ?, updated_at = ?"
                // IS NOT NULL first, as in DUE: email rows must be FALSE at once, not NULL and on to the EXISTS.
                + " WHERE post_number IS NOT NULL AND release_id = ? AND post_number > 1 AND state = 'PENDING'"
                + " AND EXISTS (SELECT 1 FROM deliveries p WHERE p.release_id = deliveries.release_id"
                + " AND p.post_number < deliveries.post_number AND p.channel = deliveries.channel"
                + " AND p.language = deliveries.language AND p.state IN ('FAILED', 'SUPPRESSED'))",
                THREAD_BROKEN, clock.instant(), releaseId));
    }

    /** Records a published post: sent, with its address as the reply the report shows, and its id for replies. */
    public void markPosted(long deliveryId, PublishedPost post) {
        Instant now = clock.instant();
        database.inTransaction(connection -> Sql.update(connection, "UPDATE deliveries SET state = 'SENT',"
                + " last_reply = ?, post_id = ?, post_cid = ?, post_url = ?, updated_at = ?, sent_at = ?"
                + " WHERE id = ?", shown(post.url()), post.id(), post.cid(), post.url(), now, now, deliveryId));
    }

    /** The address as the report's last reply, which holds 1,000 characters (a post address is far shorter). */
    private static String shown(String url) {
        return url.length() <= 1000 ? url : url.substring(0, 1000);
    }

    private static PostDelivery post(ResultSet row) throws SQLException {
        return new PostDelivery(row.getLong("id"), row.getString("release_id"),
                Network.valueOf(row.getString("channel").toUpperCase(Locale.ROOT)), row.getString("language"),
                row.getInt("post_number"), row.getString("post_text"), row.getString("message_id"),
                published(row, "root"), published(row, "parent"));
    }

    private static PublishedPost published(ResultSet row, String which) throws SQLException {
        String id = row.getString(which + "_id");
        return id == null ? null
                : new PublishedPost(id, row.getString(which + "_cid"), row.getString(which + "_url"));
    }
}
