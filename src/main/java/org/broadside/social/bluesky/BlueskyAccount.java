package org.broadside.social.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.broadside.config.Settings;
import org.broadside.social.Network;
import org.broadside.social.PostToPublish;
import org.broadside.social.PublishedPost;
import org.broadside.social.SocialAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Posts to one Bluesky account through its PDS: {@code com.atproto.repo.createRecord} of an
 * {@code app.bsky.feed.post} under a record key derived from the post's idempotency key (see {@link Tid}), with
 * one session shared by all threads (see {@link Sessions}). Thread-safe.
 */
public final class BlueskyAccount implements SocialAccount {
    private static final Logger LOG = LoggerFactory.getLogger(BlueskyAccount.class);
    private static final String CREATE_RECORD = "com.atproto.repo.createRecord";
    private static final String GET_RECORD = "com.atproto.repo.getRecord";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final XrpcClient xrpc;
    private final Sessions sessions;
    private final Clock clock;

    public BlueskyAccount(BlueskySettings settings, HttpClient http, Clock clock) {
        this.xrpc = new XrpcClient(settings.service(), http, new ObjectMapper());
        this.sessions = new Sessions(xrpc, settings.handle(), settings.appPassword());
        this.clock = clock;
    }

    /**
     * The account {@code broadside.bluesky.*} and {@value BlueskySettings#PASSWORD_VARIABLE} configure, or empty
     * when no handle is set. Nothing is sent until the first post.
     *
     * @throws org.broadside.config.ConfigurationException naming the setting or variable when half-configured
     */
    public static Optional<SocialAccount> from(Settings settings, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        return BlueskySettings.from(settings).map(account -> new BlueskyAccount(account, http, clock));
    }

    @Override
    public Network network() {
        return Network.BLUESKY;
    }

    @Override
    public PublishedPost publish(PostToPublish post) {
        Tid rkey = Tid.derivedFrom(post.idempotencyKey());
        ObjectNode record = PostRecord.of(post, clock.instant());
        try {
            return sessions.call(session -> create(session, rkey, record));
        } catch (XrpcException refused) {
            if (!refused.method().equals(CREATE_RECORD) || refused.isRateLimit() || refused.isTokenProblem()) {
                throw Failures.of(refused, clock);
            }
            return alreadyPosted(rkey).orElseThrow(() -> Failures.of(refused, clock));
        }
    }

    private PublishedPost create(Session session, Tid rkey, ObjectNode record) {
        ObjectNode input = JsonNodeFactory.instance.objectNode()
                .put("repo", session.did())
                .put("collection", PostRecord.COLLECTION)
                .put("rkey", rkey.toString())
                .set("record", record);
        PublishedPost post = published(session, xrpc.procedure(CREATE_RECORD, session.accessJwt(), input));
        LOG.debug("Bluesky: posted {}", post.url());
        return post;
    }

    /**
     * The post an earlier attempt made under this key, when its answer was lost (a crash, a timeout).
     *
     * <p>What the PDS answers to a create under an existing key is no help: the reference PDS
     * (bluesky-social/atproto) adds the key to the repository's Merkle search tree, which throws a plain Error
     * ("There is already a value at key"), so the answer is 500 {@code InternalServerError} "Internal Server Error"
     * (bluesky-social/atproto#3718, #4725), the same as for a real crash; PR #4728 gives it an error of its own,
     * not yet released. So after any refusal of a create, the key itself is looked up: if the record is there,
     * it is this post's, and the post is done.
     */
    private Optional<PublishedPost> alreadyPosted(Tid rkey) {
        try {
            return Optional.of(sessions.call(session -> {
                JsonNode record = xrpc.query(GET_RECORD, session.accessJwt(), Map.of(
                        "repo", session.did(), "collection", PostRecord.COLLECTION, "rkey", rkey.toString()));
                return published(session, record);
            })).map(post -> {
                LOG.info("Bluesky: {} was posted by an earlier attempt whose answer was lost", post.url());
                return post;
            });
        } catch (XrpcException e) {
            if (!"RecordNotFound".equals(e.error())) {
                LOG.warn("Bluesky: could not check whether {} was posted before: {}", rkey, e.getMessage());
            }
            return Optional.empty();
        }
    }

    private static PublishedPost published(Session session, JsonNode answer) {
        String uri = answer.path("uri").asText();
        String rkey = uri.substring(uri.lastIndexOf('/') + 1);
        return new PublishedPost(uri, answer.path("cid").asText(),
                "https://bsky.app/profile/" + session.handle() + "/post/" + rkey);
    }
}
