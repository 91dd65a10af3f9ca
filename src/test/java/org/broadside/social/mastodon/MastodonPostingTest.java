package org.broadside.social.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.broadside.social.MastodonRule;
import org.broadside.testing.CapturedLogs;
import org.broadside.testing.MastodonServer;
import org.broadside.testing.Samples;
import org.broadside.testing.ServiceJvm;
import org.broadside.testing.ServiceJvms;
import org.broadside.testing.TestHome;
import org.broadside.testing.TestHome.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases posted to a local Mastodon instance through the whole app: {@code release --now}, the routes, the
 * ledger, and what {@code status} and {@code report} then show.
 */
class MastodonPostingTest {
    private static final String TOKEN = "posting-test-token-Q4r9";
    private static final String RELEASE = "may-day-2027";

    @RegisterExtension
    final ServiceJvms jvms = new ServiceJvms();

    @TempDir
    Path dir;

    private MastodonServer mastodon;

    @AfterEach
    void stop() {
        mastodon.close();
    }

    @Test
    void eachLanguageIsPostedFittedToTheInstancesLimitAndTheReportShowsTheAddresses() throws IOException {
        mastodon = new MastodonServer(TOKEN, 150);
        TestHome home = home();
        assertThat(home.run("submit", home.write("es.md", Samples.spanish()).toString()).exitCode()).isZero();
        assertThat(home.run("approve", RELEASE, "--by", "Eni").exitCode()).isZero();

        Result released;
        String logs;
        try (CapturedLogs captured = new CapturedLogs()) {
            released = home.run("release", RELEASE, "--now", "--wait");
            logs = captured.text();
        }

        assertThat(released.exitCode()).as(released.err()).isZero();
        List<Map<String, String>> posts = mastodon.statusRequests().stream().map(MastodonServer::form).toList();
        // At 150 characters each language's text is a thread: its first post starts it, the others reply.
        assertThat(posts).extracting(post -> post.get("language")).containsOnly("en", "es");
        assertThat(posts).filteredOn(post -> post.get("in_reply_to_id") == null)
                .extracting(post -> post.get("language")).containsExactlyInAnyOrder("en", "es");
        MastodonRule instanceRule = new MastodonRule(150);
        assertThat(posts).allSatisfy(post -> assertThat(instanceRule.length(post.get("status")))
                .as(post.get("status")).isLessThanOrEqualTo(150));
        assertThat(socialJsonLimit(home)).as("social.json's Mastodon limit").isEqualTo(150);
        String report = home.run("report", RELEASE).out();
        assertThat(report.lines()).anySatisfy(row -> assertThat(row).startsWith("en/1,,en,mastodon,,sent,1,")
                .contains(mastodon.url() + "/@alliance/"));
        assertThat(report.lines()).anySatisfy(row -> assertThat(row).startsWith("es/1,,es,mastodon,,sent,1,")
                .contains(mastodon.url() + "/@alliance/"));
        assertThat(home.run("status", RELEASE).out())
                .contains("mastodon: " + posts.size() + " deliveries: " + posts.size() + " sent")
                .contains("none: " + posts.size() + " deliveries").doesNotContain("null");
        assertThat(String.join("\n", logs, released.out(), released.err(), report)).doesNotContain(TOKEN);
    }

    @Test
    void aRateLimitedPostWaitsForTheResetTimeAndTheRetryCarriesTheSameKey() {
        mastodon = new MastodonServer(TOKEN, 500);
        Instant reset = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        mastodon.answerNext(aResponse().withStatus(429).withHeader("X-RateLimit-Reset", reset.toString())
                .withBody("{\"error\":\"Too many requests\"}"));
        TestHome home = home();

        Result released = home.run("release", RELEASE, "--now", "--wait");

        assertThat(released.exitCode()).as(released.err()).isZero();
        List<LoggedRequest> requests = mastodon.statusRequests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getHeader("Idempotency-Key")).isEqualTo(requests.get(0).getHeader("Idempotency-Key"))
                .endsWith("/mastodon/en/1");
        assertThat(requests.get(1).getLoggedDate().toInstant()).as("retried at the reset time").isAfterOrEqualTo(reset);
        assertThat(home.run("report", RELEASE).out().lines()).as("a deferral is not an attempt")
                .anySatisfy(row -> assertThat(row).startsWith("en/1,,en,mastodon,,sent,1,"));
    }

    @Test
    void aServerErrorIsRetriedWithTheSameKeyAndPostedOnce() {
        mastodon = new MastodonServer(TOKEN, 500);
        mastodon.answerNext(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>"));
        TestHome home = home();

        Result released = home.run("release", RELEASE, "--now", "--wait");

        assertThat(released.exitCode()).as(released.err()).isZero();
        List<LoggedRequest> requests = mastodon.statusRequests();
        assertThat(requests).extracting(request -> request.getHeader("Idempotency-Key")).hasSize(2).containsOnly(
                requests.get(0).getHeader("Idempotency-Key"));
        assertThat(mastodon.statusesCreated()).isEqualTo(1);
        assertThat(home.run("report", RELEASE).out().lines())
                .anySatisfy(row -> assertThat(row).startsWith("en/1,,en,mastodon,,sent,2,"));
    }

    @Test
    void aRefusedPostFailsAtOnceWithMastodonsReasonInTheReport() {
        mastodon = new MastodonServer(TOKEN, 500);
        mastodon.answerNext(aResponse().withStatus(422)
                .withBody("{\"error\":\"Validation failed: Text character limit of 500 exceeded\"}"));
        TestHome home = home();

        Result released = home.run("release", RELEASE, "--now", "--wait");

        assertThat(released.exitCode()).as("a delivery failed").isEqualTo(1);
        assertThat(mastodon.statusRequests()).as("never retried").hasSize(1);
        assertThat(home.run("report", RELEASE).out().lines()).anySatisfy(row -> assertThat(row)
                .startsWith("en/1,,en,mastodon,,failed,1,")
                .contains("422 Validation failed: Text character limit of 500 exceeded"));
    }

    @Test
    void aCrashBetweenThePostAndTheLedgerWriteRepostsWithTheSameKeyAndPostsOnce() throws Exception {
        mastodon = new MastodonServer(TOKEN, 500);
        // The instance creates the status, then holds its answer back until long after the sender is killed.
        mastodon.holdNextAnswer(120_000);
        TestHome home = home();

        ServiceJvm first = jvms.command(dir, "release", RELEASE, "--now");
        await("the post reaching the instance").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> mastodon.statusRequests().size(), n -> n == 1);
        first.kill();
        Result again = home.run("release", RELEASE, "--now", "--wait");

        assertThat(again.exitCode()).as(again.err()).isZero();
        List<LoggedRequest> requests = mastodon.statusRequests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getHeader("Idempotency-Key"))
                .isEqualTo(requests.get(0).getHeader("Idempotency-Key"));
        assertThat(mastodon.statusesCreated()).as("statuses on the instance").isEqualTo(1);
        List<String> posts = home.run("report", RELEASE).out().lines().filter(row -> row.contains(",mastodon,"))
                .toList();
        assertThat(posts).singleElement().satisfies(row -> assertThat(row).startsWith("en/1,,en,mastodon,,sent,")
                .endsWith("," + mastodon.url() + "/@alliance/113000000000000001"));
        assertThat(first.output()).doesNotContain(TOKEN);
    }

    /** A home posting to the local instance, with the English sample approved for two members. */
    private TestHome home() {
        // In the home's file only because a test cannot set this JVM's environment; operators set the variable.
        return new TestHome(dir).set("broadside.mastodon.url", mastodon.url())
                .set("broadside.mastodon.token", TOKEN)
                .set("broadside.dispatch.retry-base", "PT1S")
                .withApprovedSample(Samples.CONTACTS);
    }

    private static int socialJsonLimit(TestHome home) throws IOException {
        JsonNode entries = new ObjectMapper().readTree(home.outbox().resolve(RELEASE).resolve("social.json").toFile());
        for (JsonNode entry : entries) {
            if (entry.get("network").asText().equals("mastodon")) {
                return entry.get("limit").asInt();
            }
        }
        throw new AssertionError("no Mastodon entry in social.json");
    }
}
