package org.broadside.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.broadside.App;
import org.broadside.camel.Pipeline;
import org.broadside.config.Settings;
import org.broadside.release.Release;
import org.broadside.social.Network;
import org.broadside.store.Sql;
import org.broadside.testing.MastodonServer;
import org.broadside.testing.Samples;
import org.broadside.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread of three posts in the ledger, published by the real social-post route to a local Mastodon instance:
 * in order, each replying to the one before, each recorded with what the instance returned.
 */
class PostThreadTest {
    private static final String TOKEN = "thread-test-token-7Qx";
    private static final List<String> THREAD = List.of(
            "1/3 On International Workers’ Day, migrant domestic workers from Manila to Milan say: our work is work.",
            "2/3 We demand a living wage, a weekly day off and the right to organise.",
            "3/3 Read the statement: https://news.alliance.org/2027/05/may-day #MayDay #MigrantWorkers");

    @TempDir
    Path dir;

    private final MastodonServer mastodon = new MastodonServer(TOKEN, 500);
    private App app;
    private Pipeline pipeline;
    private Release release;

    @BeforeEach
    void releaseWithAThreadOfThree() {
        // In the home's file only because a test cannot set this JVM's environment; operators set the variable.
        new TestHome(dir).set("broadside.mastodon.url", mastodon.url()).set("broadside.mastodon.token", TOKEN)
                .set("broadside.dispatch.retry-base", "PT1S").withApprovedSample(Samples.CONTACTS);
        app = App.open(Settings.load(dir));
        pipeline = Pipeline.create(app, false).start();
        release = app.releaseControl().releaseNow("may-day-2027");
        List<NewPost> posts = List.of(post(1), post(2), post(3));
        app.database().inTransaction(connection -> {
            app.postLedger().add(release.id(), posts, release.firedUntil(), connection);
            return null;
        });
    }

    @AfterEach
    void close() {
        pipeline.close();
        app.close();
        mastodon.close();
    }

    @Test
    void theThreadIsPublishedInOrderEachPostReplyingToTheOneBefore() {
        publishDuePosts();

        List<LoggedRequest> requests = mastodon.statusRequests();
        assertThat(requests).hasSize(3);
        List<Map<String, String>> forms = requests.stream().map(MastodonServer::form).toList();
        assertThat(forms).extracting(form -> form.get("status")).containsExactlyElementsOf(THREAD);
        assertThat(forms).allSatisfy(form -> assertThat(form)
                .containsEntry("language", "en").containsEntry("visibility", "public"));
        assertThat(requests).extracting(request -> request.getHeader("Authorization")).containsOnly("Bearer " + TOKEN);
        assertThat(requests).extracting(request -> request.getHeader("Idempotency-Key")).containsExactly(
                "broadside/" + release.id() + "/mastodon/en/1", "broadside/" + release.id() + "/mastodon/en/2",
                "broadside/" + release.id() + "/mastodon/en/3");
        List<PostRow> rows = postRows();
        assertThat(rows).extracting(PostRow::state).containsOnly("SENT");
        assertThat(forms.get(0)).doesNotContainKey("in_reply_to_id");
        assertThat(forms.get(1)).containsEntry("in_reply_to_id", rows.get(0).postId());
        assertThat(forms.get(2)).containsEntry("in_reply_to_id", rows.get(1).postId());
        assertThat(rows).allSatisfy(row -> assertThat(row.lastReply()).isEqualTo(row.postUrl())
                .isEqualTo(mastodon.url() + "/@alliance/" + row.postId()));
    }

    @Test
    void aPostWaitingForARetryHoldsBackTheRestOfItsThreadWhichThenRepliesToIt() throws InterruptedException {
        mastodon.acceptNext().answerNext(aResponse().withStatus(503).withBody("{\"error\":\"Service Unavailable\"}"));

        publishDuePosts();

        assertThat(mastodon.statusRequests()).as("post 3 waits for post 2").hasSize(2);
        assertThat(postRows()).extracting(PostRow::state).containsExactly("SENT", "PENDING", "PENDING");
        Instant retry = app.ledger().nextRetry(release.id()).orElseThrow();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), retry).toMillis()) + 50);
        publishDuePosts();

        List<LoggedRequest> requests = mastodon.statusRequests();
        assertThat(requests).hasSize(4);
        assertThat(requests.get(2).getHeader("Idempotency-Key")).as("the retry is the same post")
                .isEqualTo(requests.get(1).getHeader("Idempotency-Key"));
        List<PostRow> rows = postRows();
        assertThat(rows).extracting(PostRow::state).containsOnly("SENT");
        assertThat(MastodonServer.form(requests.get(3))).containsEntry("in_reply_to_id", rows.get(1).postId());
        assertThat(rows.get(1).attempts()).isEqualTo(2);
    }

    @Test
    void aRefusedPostFailsWithTheReasonAndTheRestOfItsThreadFailsUnposted() {
        mastodon.acceptNext().answerNext(aResponse().withStatus(422)
                .withBody("{\"error\":\"Validation failed: Text character limit of 500 exceeded\"}"));

        publishDuePosts();

        assertThat(mastodon.statusRequests()).hasSize(2);
        List<PostRow> rows = postRows();
        assertThat(rows).extracting(PostRow::state).containsExactly("SENT", "FAILED", "FAILED");
        assertThat(rows.get(1).lastReply()).contains("422 Validation failed: Text character limit of 500 exceeded");
        assertThat(rows.get(2).lastReply()).isEqualTo(PostLedger.THREAD_BROKEN);
        assertThat(rows.get(2).attempts()).isZero();
    }

    private void publishDuePosts() {
        pipeline.template().requestBody("direct:social-post", release);
    }

    private static NewPost post(int number) {
        return new NewPost(Network.MASTODON, "may-day-2027", "en", number, THREAD.get(number - 1));
    }

    private record PostRow(String recipient, String state, int attempts, String postId, String postUrl,
                           String lastReply) {
    }

    private List<PostRow> postRows() {
        return app.database().inTransaction(connection -> Sql.list(connection, "SELECT recipient, state, attempts,"
                + " post_id, post_url, last_reply FROM deliveries WHERE release_id = ? AND channel = 'mastodon'"
                + " ORDER BY post_number", row -> new PostRow(row.getString(1), row.getString(2), row.getInt(3),
                row.getString(4), row.getString(5), row.getString(6)), release.id()));
    }
}
