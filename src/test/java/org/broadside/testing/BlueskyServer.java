package org.broadside.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A Bluesky PDS on loopback (WireMock) that keeps a repository, for tests through the whole app: the three XRPC
 * methods Broadside calls, as the reference PDS (bluesky-social/atproto) answers them.
 * {@code com.atproto.server.createSession} checks the handle and app password; {@code com.atproto.repo.createRecord}
 * checks the access token and stores the record under its key, and a second create under a key already taken
 * fails as the reference PDS's does, with 500 {@code InternalServerError}; {@code com.atproto.repo.getRecord}
 * answers the stored record, or 400 {@code RecordNotFound}. A createRecord can be refused with a rate limit, or
 * its answer held back after the record is stored, as when a crash loses it.
 */
public final class BlueskyServer implements AutoCloseable {
    public static final String DID = "did:plc:alliance2026";
    public static final String HANDLE = "alliance.bsky.social";
    public static final String CREATE_SESSION = "/xrpc/com.atproto.server.createSession";
    public static final String REFRESH_SESSION = "/xrpc/com.atproto.server.refreshSession";
    public static final String CREATE_RECORD = "/xrpc/com.atproto.repo.createRecord";
    public static final String GET_RECORD = "/xrpc/com.atproto.repo.getRecord";
    public static final String POST_COLLECTION = "app.bsky.feed.post";
    private static final String ACCESS_TOKEN = "access-1";
    private static final String TRANSFORMER = "bluesky-pds";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String appPassword;
    private final Repository repository = new Repository();
    private final WireMockServer server;

    public BlueskyServer(String appPassword) {
        this.appPassword = appPassword;
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(repository));
        server.start();
        server.stubFor(post(urlEqualTo(CREATE_SESSION)).willReturn(aResponse().withTransformers(TRANSFORMER)));
        server.stubFor(post(urlEqualTo(CREATE_RECORD)).willReturn(aResponse().withTransformers(TRANSFORMER)));
        server.stubFor(get(urlPathEqualTo(GET_RECORD)).willReturn(aResponse().withTransformers(TRANSFORMER)));
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A session whose tokens are named after their generation: access-1, refresh-1. */
    public static ResponseDefinitionBuilder session(int generation) {
        return xrpcAnswer(200, JSON.createObjectNode().put("did", DID).put("handle", HANDLE)
                .put("accessJwt", "access-" + generation).put("refreshJwt", "refresh-" + generation)
                .put("active", true));
    }

    /** An XRPC error answer: the status, and the body's {@code error} and {@code message}. */
    public static ResponseDefinitionBuilder xrpcError(int status, String error, String message) {
        return xrpcAnswer(status, JSON.createObjectNode().put("error", error).put("message", message));
    }

    /** The PDS's answer once an account has used up a rate limit: 429 with the limit's reset time. */
    private static ResponseDefinitionBuilder rateLimited(Instant reset) {
        return xrpcError(429, "RateLimitExceeded", "Rate Limit Exceeded")
                .withHeader("ratelimit-limit", "5000").withHeader("ratelimit-remaining", "0")
                .withHeader("ratelimit-reset", Long.toString(reset.getEpochSecond()))
                .withHeader("ratelimit-policy", "5000;w=3600");
    }

    /**
     * The next createRecord is refused with 429 and stores nothing: the limit resets this long after the refusal,
     * rounded up to the second the header names.
     */
    public BlueskyServer rateLimitNextCreate(Duration wait) {
        synchronized (repository) {
            repository.scripted.addLast(() -> {
                Instant reset = Instant.now().plus(wait);
                return rateLimited(reset.getNano() == 0 ? reset : reset.plusSeconds(1));
            });
        }
        return this;
    }

    /** The first record created that matches is stored as usual, but the answer comes only after this long. */
    public BlueskyServer holdAnswerTo(Predicate<JsonNode> record, int millis) {
        synchronized (repository) {
            repository.held = record;
            repository.holdMillis = millis;
        }
        return this;
    }

    /** Every request to a method ({@link #CREATE_SESSION}, …), in the order received. */
    public List<LoggedRequest> requests(String path) {
        return path.equals(GET_RECORD) ? server.findAll(getRequestedFor(urlPathEqualTo(path)))
                : server.findAll(postRequestedFor(urlEqualTo(path)));
    }

    /** The input of every createRecord call, in the order received. */
    public List<JsonNode> createRecordInputs() {
        return requests(CREATE_RECORD).stream().map(request -> parse(request.getBodyAsString())).toList();
    }

    /** The records the repository holds, by record key, in the order they were created. */
    public Map<String, JsonNode> records() {
        synchronized (repository) {
            Map<String, JsonNode> records = new LinkedHashMap<>();
            repository.records.forEach((rkey, stored) -> records.put(rkey, stored.value()));
            return records;
        }
    }

    /** The at:// URI of the post under a record key. */
    public static String uri(String rkey) {
        return "at://" + DID + "/" + POST_COLLECTION + "/" + rkey;
    }

    /** The CID the repository gave the record under a key. */
    public String cid(String rkey) {
        synchronized (repository) {
            return repository.records.get(rkey).cid();
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private static ResponseDefinitionBuilder xrpcAnswer(int status, JsonNode body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body.toString());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Stored(String cid, JsonNode value) {
    }

    private final class Repository implements ResponseDefinitionTransformerV2 {
        private final Deque<Supplier<ResponseDefinitionBuilder>> scripted = new ArrayDeque<>();
        private Predicate<JsonNode> held = record -> false;
        private int holdMillis;
        private final Map<String, Stored> records = new LinkedHashMap<>();

        @Override
        public String getName() {
            return TRANSFORMER;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public synchronized ResponseDefinition transform(ServeEvent event) {
            LoggedRequest request = event.getRequest();
            String path = request.getUrl().replaceFirst("\\?.*", "");
            ResponseDefinitionBuilder answer = switch (path) {
                case CREATE_SESSION -> createSession(parse(request.getBodyAsString()));
                case CREATE_RECORD -> authorized(request) ? createRecord(parse(request.getBodyAsString()))
                        : unauthorized();
                default -> authorized(request) ? getRecord(request) : unauthorized();
            };
            return answer.build();
        }

        private ResponseDefinitionBuilder createSession(JsonNode credentials) {
            if (!HANDLE.equals(credentials.path("identifier").asText())
                    || !appPassword.equals(credentials.path("password").asText())) {
                return xrpcError(401, "AuthenticationRequired", "Invalid identifier or password");
            }
            return session(1);
        }

        private ResponseDefinitionBuilder createRecord(JsonNode input) {
            if (!scripted.isEmpty()) {
                return scripted.removeFirst().get();
            }
            String rkey = input.path("rkey").asText();
            if (!DID.equals(input.path("repo").asText()) || !POST_COLLECTION.equals(input.path("collection").asText())
                    || rkey.isEmpty()) {
                return xrpcError(400, "InvalidRequest", "Input must name this repository, the post collection and"
                        + " a record key");
            }
            if (records.containsKey(rkey)) {
                // The reference PDS's Merkle search tree throws on an existing key, which reaches the client as a
                // bare 500 (bluesky-social/atproto#3718).
                return xrpcError(500, "InternalServerError", "Internal Server Error");
            }
            Stored stored = new Stored(cidOf(input.path("record")), input.path("record"));
            records.put(rkey, stored);
            ResponseDefinitionBuilder answer = xrpcAnswer(200, JsonNodeFactory.instance.objectNode()
                    .put("uri", uri(rkey)).put("cid", stored.cid())
                    .<ObjectNode>set("commit", JSON.createObjectNode().put("cid", "bafyreicommit").put("rev", rkey))
                    .put("validationStatus", "valid"));
            if (!held.test(stored.value())) {
                return answer;
            }
            held = record -> false;
            return answer.withFixedDelay(holdMillis);
        }

        private ResponseDefinitionBuilder getRecord(LoggedRequest request) {
            String rkey = request.queryParameter("rkey").firstValue();
            Stored stored = DID.equals(request.queryParameter("repo").firstValue())
                    && POST_COLLECTION.equals(request.queryParameter("collection").firstValue())
                    ? records.get(rkey) : null;
            if (stored == null) {
                return xrpcError(400, "RecordNotFound", "Could not locate record: " + uri(rkey));
            }
            return xrpcAnswer(200, JsonNodeFactory.instance.objectNode().put("uri", uri(rkey))
                    .put("cid", stored.cid()).set("value", stored.value()));
        }

        private boolean authorized(LoggedRequest request) {
            return ("Bearer " + ACCESS_TOKEN).equals(request.getHeader("Authorization"));
        }

        private ResponseDefinitionBuilder unauthorized() {
            return xrpcError(401, "AuthenticationRequired", "Authentication Required");
        }

        /** Like a real CID, it names the content: a record stored again with other content gets another. */
        private String cidOf(JsonNode record) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(record.toString().getBytes(StandardCharsets.UTF_8));
                return "bafyrei" + HexFormat.of().formatHex(digest, 0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }
}
