package org.broadside.social.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.broadside.dispatch.DeliveryDeferredException;
import org.broadside.dispatch.DeliveryFailedException;
import org.broadside.social.Network;
import org.broadside.social.PostToPublish;
import org.broadside.social.PublishedPost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BlueskyAccountTest {
    static final String APP_PASSWORD = "abcd-efgh-ijkl-mnop";
    private static final Instant NOW = Instant.parse("2026-12-18T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakePds pds = new FakePds(server);
    private BlueskyAccount account;

    @BeforeEach
    void connect() {
        account = new BlueskyAccount(new BlueskySettings(pds.url(), FakePds.HANDLE, APP_PASSWORD),
                HttpClient.newHttpClient(), CLOCK);
    }

    static PostToPublish first(String key, String text) {
        return new PostToPublish(key, "en", text, null, null);
    }

    @Test
    void signsInOnceForAllPostsEvenWhenPublishedAtOnce() throws Exception {
        pds.signsIn();
        pds.acceptsPosts();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<PublishedPost>> posts = new ArrayList<>();
        try {
            for (int i = 1; i <= 8; i++) {
                PostToPublish post = first("release-7/bluesky/en/" + i, "Post number " + i);
                posts.add(threads.submit(() -> account.publish(post)));
            }
            for (Future<PublishedPost> post : posts) {
                assertThat(post.get().id()).startsWith("at://" + FakePds.DID + "/app.bsky.feed.post/");
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(pds.calls(FakePds.CREATE_SESSION)).isEqualTo(1);
        assertThat(pds.calls(FakePds.CREATE_RECORD)).isEqualTo(8);
        assertThat(pds.bodiesOf(FakePds.CREATE_SESSION).get(0))
                .contains("\"identifier\":\"" + FakePds.HANDLE + "\"", "\"password\":\"" + APP_PASSWORD + "\"");
    }

    @Test
    void aPostIsARecordInTheAccountsRepositoryUnderItsDerivedKey() {
        pds.signsIn();
        pds.acceptsPosts();
        String key = "release-7/bluesky/fr/1";

        PublishedPost published = account.publish(new PostToPublish(key, "fr", "Bonjour à tous", null, null));

        Tid rkey = Tid.derivedFrom(key);
        JsonNode input = pds.createRecordInputs().get(0);
        assertThat(input.path("repo").asText()).isEqualTo(FakePds.DID);
        assertThat(input.path("collection").asText()).isEqualTo("app.bsky.feed.post");
        assertThat(input.path("rkey").asText()).isEqualTo(rkey.toString());
        JsonNode record = input.path("record");
        assertThat(record.path("$type").asText()).isEqualTo("app.bsky.feed.post");
        assertThat(record.path("text").asText()).isEqualTo("Bonjour à tous");
        assertThat(record.path("createdAt").asText()).isEqualTo("2026-12-18T08:00:00.000Z");
        assertThat(record.path("langs").toString()).isEqualTo("[\"fr\"]");
        assertThat(record.has("facets")).as("no links or tags, no facets").isFalse();
        assertThat(record.has("reply")).isFalse();
        assertThat(published).isEqualTo(new PublishedPost("at://" + FakePds.DID + "/app.bsky.feed.post/" + rkey,
                "bafyreicid" + rkey, "https://bsky.app/profile/" + FakePds.HANDLE + "/post/" + rkey));
    }

    @Test
    void anExpiredTokenIsRefreshedAndThePostGoesThrough() {
        pds.signsIn();
        pds.stub(pds.createRecordWith(1).willReturn(FakePds.xrpcError(400, "ExpiredToken", "Token has expired")));
        pds.stub(post(FakePds.REFRESH_SESSION).withHeader("Authorization", equalTo("Bearer refresh-1"))
                .willReturn(FakePds.session(2)));
        pds.stub(pds.createRecordWith(2).willReturn(FakePds.created()));

        PublishedPost published = account.publish(first("r/bluesky/en/1", "After a long night"));
        account.publish(first("r/bluesky/en/2", "And the next post uses the refreshed token"));

        assertThat(published.id()).endsWith("/" + Tid.derivedFrom("r/bluesky/en/1"));
        assertThat(pds.calls(FakePds.CREATE_SESSION)).isEqualTo(1);
        assertThat(pds.calls(FakePds.REFRESH_SESSION)).isEqualTo(1);
        assertThat(pds.calls(FakePds.CREATE_RECORD)).isEqualTo(3);
    }

    @Test
    void threadsThatFindTheTokenExpiredAtOnceShareOneRefresh() throws Exception {
        pds.signsIn();
        pds.stub(pds.createRecordWith(1).willReturn(FakePds.xrpcError(400, "ExpiredToken", "Token has expired")));
        pds.stub(post(FakePds.REFRESH_SESSION).willReturn(FakePds.session(2)));
        pds.stub(pds.createRecordWith(2).willReturn(FakePds.created()));
        account.publish(first("r/bluesky/en/0", "Signs in with a token about to expire"));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<PublishedPost>> posts = new ArrayList<>();
        try {
            for (int i = 1; i <= 8; i++) {
                PostToPublish post = first("r/bluesky/en/" + i, "Post " + i);
                posts.add(threads.submit(() -> account.publish(post)));
            }
            for (Future<PublishedPost> post : posts) {
                post.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(pds.calls(FakePds.CREATE_SESSION)).isEqualTo(1);
        assertThat(pds.calls(FakePds.REFRESH_SESSION)).isEqualTo(1);
    }

    @Test
    void aRefusedRefreshSignsInAgain() {
        pds.stub(post(FakePds.CREATE_SESSION).inScenario("sessions").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(FakePds.session(1)).willSetStateTo("signed in"));
        pds.stub(post(FakePds.CREATE_SESSION).inScenario("sessions").whenScenarioStateIs("signed in")
                .willReturn(FakePds.session(2)));
        pds.stub(pds.createRecordWith(1).willReturn(FakePds.xrpcError(400, "ExpiredToken", "Token has expired")));
        pds.stub(post(FakePds.REFRESH_SESSION).willReturn(FakePds.xrpcError(400, "ExpiredToken", "Token has expired")));
        pds.stub(pds.createRecordWith(2).willReturn(FakePds.created()));

        account.publish(first("r/bluesky/en/1", "Two months later"));

        assertThat(pds.calls(FakePds.REFRESH_SESSION)).isEqualTo(1);
        assertThat(pds.calls(FakePds.CREATE_SESSION)).isEqualTo(2);
    }

    @Test
    void aThreadsLaterPostsReplyToTheFirstAsRootAndToTheOneBeforeAsParent() {
        pds.signsIn();
        pds.acceptsPosts();

        PublishedPost one = account.publish(new PostToPublish("r/bluesky/en/1", "en", "1/3 First", null, null));
        PublishedPost two = account.publish(new PostToPublish("r/bluesky/en/2", "en", "2/3 Second", one, one));
        account.publish(new PostToPublish("r/bluesky/en/3", "en", "3/3 Third", one, two));

        JsonNode second = pds.recordFor("r/bluesky/en/2").path("reply");
        assertThat(second.path("root").path("uri").asText()).isEqualTo(one.id());
        assertThat(second.path("root").path("cid").asText()).isEqualTo(one.cid());
        assertThat(second.path("parent").path("uri").asText()).isEqualTo(one.id());
        assertThat(second.path("parent").path("cid").asText()).isEqualTo(one.cid());
        JsonNode third = pds.recordFor("r/bluesky/en/3").path("reply");
        assertThat(third.path("root").path("uri").asText()).isEqualTo(one.id());
        assertThat(third.path("root").path("cid").asText()).isEqualTo(one.cid());
        assertThat(third.path("parent").path("uri").asText()).isEqualTo(two.id());
        assertThat(third.path("parent").path("cid").asText()).isEqualTo(two.cid());
        assertThat(pds.recordFor("r/bluesky/en/1").has("reply")).isFalse();
    }

    @Test
    void facetsSentSliceBackToTheLinkAndTheTagAfterEmojiArabicCjkAndDevanagari() {
        pds.signsIn();
        pds.acceptsPosts();
        String text = "👨‍👩‍👧‍👦🇸🇳 اليوم الدولي للمهاجرين 国际移民日 प्रवासी श्रमिक "
                + "https://migrantsalliance.org/s/2026-12-18 #移工 #اليوم_الدولي_للمهاجرين";

        account.publish(new PostToPublish("r/bluesky/ar/1", "ar", text, null, null));

        JsonNode record = pds.recordFor("r/bluesky/ar/1");
        byte[] sent = record.path("text").asText().getBytes(StandardCharsets.UTF_8);
        List<String> slices = new ArrayList<>();
        List<String> features = new ArrayList<>();
        for (JsonNode facet : record.path("facets")) {
            int start = facet.path("index").path("byteStart").asInt();
            int end = facet.path("index").path("byteEnd").asInt();
            slices.add(new String(Arrays.copyOfRange(sent, start, end), StandardCharsets.UTF_8));
            JsonNode feature = facet.path("features").get(0);
            String value = feature.has("uri") ? feature.path("uri").asText() : feature.path("tag").asText();
            features.add(feature.path("$type").asText() + " " + value);
        }
        assertThat(slices).containsExactly("https://migrantsalliance.org/s/2026-12-18", "#移工",
                "#اليوم_الدولي_للمهاجرين");
        assertThat(features).containsExactly(
                "app.bsky.richtext.facet#link https://migrantsalliance.org/s/2026-12-18",
                "app.bsky.richtext.facet#tag 移工",
                "app.bsky.richtext.facet#tag اليوم_الدولي_للمهاجرين");
    }

    @Test
    void aRetryAfterALostAnswerReturnsThePostTheFirstAttemptMade() {
        pds.signsIn();
        String key = "r/bluesky/en/1";
        Tid rkey = Tid.derivedFrom(key);
        // The PDS made the record, but the connection broke before its answer came back.
        pds.stub(pds.createRecordWith(1).inScenario("lost answer").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("created"));
        // What the reference PDS answers to a create under a key that exists (bluesky-social/atproto#3718).
        pds.stub(pds.createRecordWith(1).inScenario("lost answer").whenScenarioStateIs("created")
                .willReturn(FakePds.xrpcError(500, "InternalServerError", "Internal Server Error")));
        pds.stub(pds.getRecord(rkey).willReturn(okJson("""
                {"uri": "at://%s/app.bsky.feed.post/%s", "cid": "bafyreifirst",
                 "value": {"$type": "app.bsky.feed.post", "text": "Once only", "createdAt": "2026-12-18T07:59:00.000Z"}}
                """.formatted(FakePds.DID, rkey))));

        DeliveryFailedException lost = catchThrowableOfType(DeliveryFailedException.class,
                () -> account.publish(first(key, "Once only")));
        PublishedPost retried = account.publish(first(key, "Once only"));

        assertThat(lost.isPermanent()).isFalse();
        assertThat(retried).isEqualTo(new PublishedPost("at://" + FakePds.DID + "/app.bsky.feed.post/" + rkey,
                "bafyreifirst", "https://bsky.app/profile/" + FakePds.HANDLE + "/post/" + rkey));
        assertThat(pds.createRecordInputs()).extracting(input -> input.path("rkey").asText())
                .containsExactly(rkey.toString(), rkey.toString());
    }

    @Test
    void aServerErrorWithNoRecordBehindItIsTemporary() {
        pds.signsIn();
        Tid rkey = Tid.derivedFrom("r/bluesky/en/1");
        pds.stub(pds.createRecordWith(1).willReturn(FakePds.xrpcError(502, "UpstreamFailure", "Upstream Failure")));
        pds.stub(pds.getRecord(rkey).willReturn(FakePds.xrpcError(400, "RecordNotFound",
                "Could not locate record: at://" + FakePds.DID + "/app.bsky.feed.post/" + rkey)));

        DeliveryFailedException failure = catchThrowableOfType(DeliveryFailedException.class,
                () -> account.publish(first("r/bluesky/en/1", "Not yet")));

        assertThat(failure).isNotInstanceOf(DeliveryDeferredException.class);
        assertThat(failure.isPermanent()).isFalse();
        assertThat(failure).hasMessage("Bluesky com.atproto.repo.createRecord: 502 UpstreamFailure: Upstream Failure");
    }

    @Test
    void aRefusedRecordIsPermanentWithTheServersErrorAndMessage() {
        pds.signsIn();
        Tid rkey = Tid.derivedFrom("r/bluesky/en/1");
        pds.stub(pds.createRecordWith(1).willReturn(FakePds.xrpcError(400, "InvalidRequest",
                "Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes")));
        pds.stub(pds.getRecord(rkey).willReturn(FakePds.xrpcError(400, "RecordNotFound", "Could not locate record")));

        DeliveryFailedException failure = catchThrowableOfType(DeliveryFailedException.class,
                () -> account.publish(first("r/bluesky/en/1", "x".repeat(301))));

        assertThat(failure.isPermanent()).isTrue();
        assertThat(failure).hasMessage("Bluesky com.atproto.repo.createRecord: 400 InvalidRequest: Invalid"
                + " app.bsky.feed.post record: Record/text must not be longer than 300 graphemes");
    }

    @Test
    void aRateLimitDefersUntilTheResetTheServerNamed() {
        pds.signsIn();
        long reset = NOW.getEpochSecond() + 3600;
        pds.stub(pds.createRecordWith(1).willReturn(FakePds.xrpcError(429, "RateLimitExceeded", "Rate Limit Exceeded")
                .withHeader("RateLimit-Limit", "5000").withHeader("RateLimit-Remaining", "0")
                .withHeader("RateLimit-Reset", Long.toString(reset)).withHeader("RateLimit-Policy", "5000;w=3600")));

        DeliveryDeferredException deferred = catchThrowableOfType(DeliveryDeferredException.class,
                () -> account.publish(first("r/bluesky/en/1", "Too many")));

        assertThat(deferred.until()).isEqualTo(Instant.ofEpochSecond(reset));
        assertThat(deferred.isPermanent()).isFalse();
        assertThat(deferred).hasMessageContaining("429 RateLimitExceeded");
        server.verify(0, getRequestedFor(urlPathEqualTo(FakePds.GET_RECORD)));
    }

    @Test
    void aRateLimitedSignInDefersByRetryAfter() {
        pds.stub(post(FakePds.CREATE_SESSION).willReturn(
                FakePds.xrpcError(429, "RateLimitExceeded", "Rate Limit Exceeded").withHeader("Retry-After", "300")));

        DeliveryDeferredException deferred = catchThrowableOfType(DeliveryDeferredException.class,
                () -> account.publish(first("r/bluesky/en/1", "Later")));

        assertThat(deferred.until()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void aRefusedPasswordFailsPermanentlyAndIsNotOfferedAgainUntilRestart() {
        pds.stub(post(FakePds.CREATE_SESSION).willReturn(FakePds.xrpcError(401, "AuthenticationRequired",
                "Invalid identifier or password")));

        DeliveryFailedException first = catchThrowableOfType(DeliveryFailedException.class,
                () -> account.publish(first("r/bluesky/en/1", "One")));
        DeliveryFailedException second = catchThrowableOfType(DeliveryFailedException.class,
                () -> account.publish(first("r/bluesky/en/2", "Two")));

        assertThat(first.isPermanent()).isTrue();
        assertThat(first).hasMessageContaining("401 AuthenticationRequired: Invalid identifier or password")
                .hasMessageContaining("BROADSIDE_BLUESKY_APP_PASSWORD");
        assertThat(second.isPermanent()).isTrue();
        assertThat(pds.calls(FakePds.CREATE_SESSION)).isEqualTo(1);
    }

    @Test
    void anUnreachablePdsIsATemporaryFailure() {
        BlueskyAccount unreachable = new BlueskyAccount(new BlueskySettings("http://127.0.0.1:9", FakePds.HANDLE,
                APP_PASSWORD), HttpClient.newHttpClient(), CLOCK);

        DeliveryFailedException failure = catchThrowableOfType(DeliveryFailedException.class,
                () -> unreachable.publish(first("r/bluesky/en/1", "Anyone?")));

        assertThat(failure.isPermanent()).isFalse();
        assertThat(failure).hasMessageStartingWith("Bluesky com.atproto.server.createSession: no answer from");
    }

    @Test
    void isTheBlueskyAccount() {
        assertThat(account.network()).isEqualTo(Network.BLUESKY);
    }
}
