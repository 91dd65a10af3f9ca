package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.broadside.social.Network;
import org.broadside.social.PublishedPost;
import org.broadside.store.Database;
import org.broadside.store.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The social posts of the ledger on a real database built by the migrations: thread order, replies, failures. */
class PostLedgerTest {
    static final String RELEASE = "may-day-2027-1a2b3c4d";
    private static final Instant NOW = Instant.parse("2027-05-01T01:00:00Z");

    private Database database;
    private Senders senders;
    private PostLedger posts;
    private Ledger ledger;

    Database openDatabase() {
        return Database.open("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @BeforeEach
    void dispatchingReleaseWithTwoThreads() {
        database = openDatabase();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        senders = new Senders(database, clock, Duration.ofSeconds(30));
        posts = new PostLedger(database, clock, senders);
        ledger = new Ledger(database, clock, senders, new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(24)),
                (release, reply, connection) -> { });
        database.inTransaction(connection -> {
            Sql.update(connection, "INSERT INTO releases (id, statement_id, content_key, state, release_at,"
                    + " created_at, fired_until, social_at, social_done) VALUES (?, ?, ?, 'DISPATCHING', ?, ?, ?, ?,"
                    + " TRUE)", RELEASE, "may-day-2027", "c".repeat(64), NOW, NOW, NOW, NOW);
            posts.add(RELEASE, List.of(post("en", 1), post("en", 2), post("en", 3), post("es", 1), post("es", 2)),
                    NOW, connection);
            return null;
        });
    }

    @AfterEach
    void close() {
        senders.unregister();
        database.close();
    }

    @Test
    void onlyTheFirstPostOfEachThreadIsDueUntilItIsSent() {
        assertThat(posts.hasDue(RELEASE)).isTrue();

        List<PostDelivery> first = posts.claimBatch(RELEASE, 10);

        assertThat(first).extracting(post -> post.language() + "/" + post.number()).containsExactly("en/1", "es/1");
        assertThat(first).allSatisfy(post -> assertThat(post.root()).isNull());
        assertThat(first).allSatisfy(post -> assertThat(post.parent()).isNull());
        assertThat(first.get(0).idempotencyKey()).isEqualTo("broadside/" + RELEASE + "/mastodon/en/1");
        assertThat(posts.hasDue(RELEASE)).as("nothing more until a first post is sent").isFalse();
        assertThat(posts.claimBatch(RELEASE, 10)).isEmpty();
    }

    @Test
    void eachLaterPostRepliesToTheOneBeforeWithTheFirstAsRoot() {
        PublishedPost one = new PublishedPost("101", null, "https://mastodon.example/@alliance/101");
        PublishedPost two = new PublishedPost("102", null, "https://mastodon.example/@alliance/102");
        PostDelivery first = posts.claimBatch(RELEASE, 1).get(0);
        posts.markPosted(first.id(), one);

        PostDelivery second = only(posts.claimBatch(RELEASE, 10), "en");
        posts.markPosted(second.id(), two);
        PostDelivery third = only(posts.claimBatch(RELEASE, 10), "en");

        assertThat(second.number()).isEqualTo(2);
        assertThat(second.root()).isEqualTo(one);
        assertThat(second.parent()).isEqualTo(one);
        assertThat(third.number()).isEqualTo(3);
        assertThat(third.root()).isEqualTo(one);
        assertThat(third.parent()).isEqualTo(two);
        assertThat(third.text()).isEqualTo("en post 3");
        assertThat(state("en/1")).isEqualTo("SENT");
        assertThat(lastReply("en/1")).isEqualTo(one.url());
    }

    @Test
    void aFailedPostFailsTheRestOfItsThreadAndNoOtherThread() {
        PostDelivery spanish = posts.claimBatch(RELEASE, 10).get(1);
        ledger.markFailed(spanish.id(), new DeliveryFailedException("Mastodon refused the post: 422 …", true, null));

        posts.failBrokenThreads(RELEASE);

        assertThat(state("es/2")).isEqualTo("FAILED");
        assertThat(lastReply("es/2")).isEqualTo(PostLedger.THREAD_BROKEN);
        assertThat(state("en/2")).isEqualTo("PENDING");
    }

    @Test
    void aRateLimitedPostIsNotDueBeforeItsResetTime() {
        PostDelivery english = posts.claimBatch(RELEASE, 10).get(0);
        ledger.markFailed(english.id(), new DeliveryDeferredException("429", NOW.plusSeconds(60)));

        assertThat(state("en/1")).isEqualTo("PENDING");
        assertThat(posts.claimBatch(RELEASE, 10)).isEmpty();
    }

    @Test
    void nothingIsDueOfAPausedRelease() {
        database.inTransaction(connection -> Sql.update(connection,
                "UPDATE releases SET state = 'PAUSED' WHERE id = ?", RELEASE));

        assertThat(posts.hasDue(RELEASE)).isFalse();
        assertThat(posts.claimBatch(RELEASE, 10)).isEmpty();
    }

    private static NewPost post(String language, int number) {
        return new NewPost(Network.MASTODON, "may-day-2027" + (language.equals("en") ? "" : "-" + language),
                language, number, language + " post " + number);
    }

    private static PostDelivery only(List<PostDelivery> claimed, String language) {
        return claimed.stream().filter(post -> post.language().equals(language)).reduce((a, b) -> {
            throw new AssertionError("two posts of one thread claimed at once: " + a + ", " + b);
        }).orElseThrow();
    }

    private String state(String recipient) {
        return column("state", recipient);
    }

    private String lastReply(String recipient) {
        return column("last_reply", recipient);
    }

    private String column(String column, String recipient) {
        return database.inTransaction(connection -> Sql.first(connection, "SELECT " + column + " FROM deliveries"
                + " WHERE release_id = ? AND recipient = ? AND channel = 'mastodon'", row -> row.getString(1),
                RELEASE, recipient).orElseThrow());
    }
}
