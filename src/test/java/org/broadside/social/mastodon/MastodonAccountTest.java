package org.broadside.social.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.broadside.config.ConfigurationException;
import org.broadside.config.Settings;
import org.broadside.dispatch.DeliveryDeferredException;
import org.broadside.dispatch.DeliveryFailedException;
import org.broadside.social.LengthRule;
import org.broadside.social.MastodonRule;
import org.broadside.social.PostToPublish;
import org.broadside.social.PublishedPost;
import org.broadside.testing.MastodonServer;
import org.broadside.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Mastodon client against a local instance that implements the documented endpoints. */
class MastodonAccountTest {
    private static final String TOKEN = "Zk9x-3f9cQ1a_token";
    private static final Instant NOW = Instant.parse("2027-05-01T01:00:00Z");
    private static final String KEY = "broadside/may-day-2027-1a2b3c4d/mastodon/en/2";

    @TempDir
    Path home;

    private final MastodonServer server = new MastodonServer(TOKEN, 500);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aReplyCarriesTheTokenTheKeyAndTheFormFieldsAndReturnsTheStatusAddress() {
        MastodonAccount account = account(Map.of("BROADSIDE_MASTODON_VISIBILITY", "unlisted"));
        PublishedPost root = new PublishedPost("1001", null, server.url() + "/@alliance/1001");
        PublishedPost parent = new PublishedPost("1002", null, server.url() + "/@alliance/1002");

        PublishedPost published = account.publish(new PostToPublish(KEY, "es",
                "Día de los Trabajadores: ¡#MayDay! & más", root, parent));

        LoggedRequest request = server.statusRequests().get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo(KEY);
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(MastodonServer.form(request)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "status", "Día de los Trabajadores: ¡#MayDay! & más", "language", "es", "visibility", "unlisted",
                "in_reply_to_id", "1002"));
        assertThat(published.id()).isNotBlank();
        assertThat(published.cid()).isNull();
        assertThat(published.url()).isEqualTo(server.url() + "/@alliance/" + published.id());
    }

    @Test
    void theFirstPostOfAThreadRepliesToNothingAndIsPublicByDefault() {
        account(Map.of()).publish(new PostToPublish(KEY, "en", "Our work is work.", null, null));

        assertThat(MastodonServer.form(server.statusRequests().get(0)))
                .containsEntry("visibility", "public").doesNotContainKey("in_reply_to_id");
    }

    @Test
    void theSameKeyAgainReturnsTheStatusAlreadyCreated() {
        MastodonAccount account = account(Map.of());
        PostToPublish post = new PostToPublish(KEY, "en", "Our work is work.", null, null);

        PublishedPost first = account.publish(post);
        PublishedPost again = account.publish(post);

        assertThat(again).isEqualTo(first);
        assertThat(server.statusesCreated()).isEqualTo(1);
    }

    @Test
    void aRateLimitDefersUntilTheResetTimeTheInstanceNames() {
        server.answerNext(aResponse().withStatus(429).withHeader("X-RateLimit-Limit", "300")
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", "2027-05-01T01:05:00.123456Z")
                .withBody("{\"error\":\"Too many requests\"}"));

        DeliveryDeferredException deferred = catchThrowableOfType(DeliveryDeferredException.class,
                () -> account(Map.of()).publish(post()));

        assertThat(deferred.until()).isEqualTo(Instant.parse("2027-05-01T01:05:00.123456Z"));
        assertThat(deferred.getMessage()).contains("429 Too many requests");
    }

    @Test
    void aRetryAfterInSecondsIsHonouredWhenNoResetTimeIsGiven() {
        server.answerNext(aResponse().withStatus(429).withHeader("Retry-After", "30"));

        DeliveryDeferredException deferred = catchThrowableOfType(DeliveryDeferredException.class,
                () -> account(Map.of()).publish(post()));

        assertThat(deferred.until()).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void aResetTimeAlreadyPastWaitsASecondRatherThanAskingAgainAtOnce() {
        server.answerNext(aResponse().withStatus(429).withHeader("X-RateLimit-Reset", "2027-05-01T00:59:00Z"));

        DeliveryDeferredException deferred = catchThrowableOfType(DeliveryDeferredException.class,
                () -> account(Map.of()).publish(post()));

        assertThat(deferred.until()).isEqualTo(NOW.plus(MastodonAnswers.SHORTEST_WAIT));
    }

    @Test
    void serverErrorsAndAnUnreachableInstanceAreTemporary() {
        server.answerNext(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>"));

        DeliveryFailedException serverError = catchThrowableOfType(DeliveryFailedException.class,
                () -> account(Map.of()).publish(post()));
        DeliveryFailedException unreachable = catchThrowableOfType(DeliveryFailedException.class,
                () -> account(Map.of("BROADSIDE_MASTODON_URL", "http://127.0.0.1:" + TestHome.freePort()))
                        .publish(post()));

        assertThat(serverError.isPermanent()).isFalse();
        assertThat(serverError.getMessage()).contains("503 <html>Service Unavailable</html>");
        assertThat(unreachable.isPermanent()).isFalse();
        assertThat(unreachable.getMessage()).contains("not reached");
    }

    @Test
    void refusalsArePermanentAndCarryTheStatusAndMastodonsReason() {
        server.answerNext(aResponse().withStatus(422)
                .withBody("{\"error\":\"Validation failed: Text character limit of 500 exceeded\"}"));

        DeliveryFailedException tooLong = catchThrowableOfType(DeliveryFailedException.class,
                () -> account(Map.of()).publish(post()));
        DeliveryFailedException badToken = catchThrowableOfType(DeliveryFailedException.class,
                () -> account(Map.of("BROADSIDE_MASTODON_TOKEN", "revoked-token")).publish(post()));

        assertThat(tooLong.isPermanent()).isTrue();
        assertThat(tooLong.getMessage()).contains("422 Validation failed: Text character limit of 500 exceeded");
        assertThat(badToken.isPermanent()).isTrue();
        assertThat(badToken.getMessage()).contains("401 The access token is invalid").doesNotContain("revoked-token");
    }

    @Test
    void anAcceptedPostWhoseAnswerCannotBeReadIsRetriedNotFailed() {
        server.answerNext(aResponse().withStatus(200).withBody("<html>maintenance page</html>"));

        DeliveryFailedException unreadable = catchThrowableOfType(DeliveryFailedException.class,
                () -> account(Map.of()).publish(post()));

        assertThat(unreadable.isPermanent()).isFalse();
    }

    @Test
    void postsAreFittedToTheLimitsTheInstanceReports() {
        try (MastodonServer large = new MastodonServer(TOKEN, 11000, 30)) {
            LengthRule rule = account(Map.of("BROADSIDE_MASTODON_URL", large.url())).lengthRule(new MastodonRule(500));

            assertThat(rule.limit()).isEqualTo(11000);
            assertThat(rule.length("Read it: https://news.alliance.org/2027/05/may-day")).isEqualTo(9 + 30);
        }
    }

    @Test
    void anUnreachableInstanceLeavesTheConfiguredLimit() {
        LengthRule rule = account(Map.of("BROADSIDE_MASTODON_URL", "http://127.0.0.1:" + TestHome.freePort()))
                .lengthRule(new MastodonRule(480));

        assertThat(rule.limit()).isEqualTo(480);
    }

    @Test
    void noInstanceMeansNoPosting() {
        assertThat(MastodonAccount.from(settings(Map.of("BROADSIDE_MASTODON_TOKEN", TOKEN)), clock)).isEmpty();
    }

    @Test
    void anInstanceWithoutATokenIsRefusedNamingTheVariable() {
        Settings withoutToken = settings(Map.of("BROADSIDE_MASTODON_URL", server.url()));

        assertThatThrownBy(() -> MastodonAccount.from(withoutToken, clock)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("broadside.mastodon.url is set but no access token is")
                .hasMessageContaining("BROADSIDE_MASTODON_TOKEN");
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> account(Map.of("BROADSIDE_MASTODON_URL", "http://mastodon.example")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("broadside.mastodon.url must use https");
        assertThatThrownBy(() -> account(Map.of("BROADSIDE_MASTODON_URL", "mastodon.social")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("broadside.mastodon.url must be");
        assertThatThrownBy(() -> account(Map.of("BROADSIDE_MASTODON_VISIBILITY", "everyone")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("broadside.mastodon.visibility must be public, unlisted, private or direct");
        assertThatThrownBy(() -> account(Map.of("BROADSIDE_MASTODON_TOKEN", "two words")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("BROADSIDE_MASTODON_TOKEN")
                .hasMessageNotContaining("two words");
    }

    @Test
    void theTokenIsNeverPrinted() {
        MastodonAccount account = account(Map.of());

        assertThat(account.toString()).contains(server.url()).doesNotContain(TOKEN);
        assertThat(MastodonSettings.from(settings(environment(Map.of()))).orElseThrow().toString())
                .doesNotContain(TOKEN);
    }

    private static PostToPublish post() {
        return new PostToPublish(KEY, "en", "Our work is work.", null, null);
    }

    private MastodonAccount account(Map<String, String> overrides) {
        return MastodonAccount.from(settings(environment(overrides)), clock).orElseThrow();
    }

    /** The instance and token as an operator sets them: in the environment. */
    private Map<String, String> environment(Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>(Map.of("BROADSIDE_MASTODON_URL", server.url(),
                "BROADSIDE_MASTODON_TOKEN", TOKEN));
        environment.putAll(overrides);
        return environment;
    }

    private Settings settings(Map<String, String> environment) {
        return Settings.load(home, environment, new Properties());
    }
}
