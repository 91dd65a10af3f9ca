package org.broadside.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Mastodon instance on loopback (WireMock) implementing the two endpoints Broadside calls as Mastodon documents
 * them: {@code GET /api/v2/instance} with the status limits, and {@code POST /api/v1/statuses}, which checks the
 * bearer token, creates a status per new Idempotency-Key and answers a key it has seen with the status created
 * for it. Answers can be scripted ahead (a 429, a 503, a 422), and an answer can be held back while the status
 * is created, as when a crash loses it.
 */
public final class MastodonServer implements AutoCloseable {
    public static final String STATUSES = "/api/v1/statuses";
    private static final String TRANSFORMER = "mastodon-statuses";

    private final String token;
    private final Statuses statuses = new Statuses();
    private final WireMockServer server;

    /** @param maxCharacters the instance's configuration.statuses.max_characters */
    public MastodonServer(String token, int maxCharacters) {
        this(token, maxCharacters, 23);
    }

    /** @param charactersPerUrl the instance's configuration.statuses.characters_reserved_per_url */
    public MastodonServer(String token, int maxCharacters, int charactersPerUrl) {
        this.token = token;
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(statuses));
        server.start();
        server.stubFor(get(urlEqualTo("/api/v2/instance")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"domain\":\"alliance.example\",\"title\":\"Alliance\",\"version\":\"4.3.0\","
                        + "\"configuration\":{\"statuses\":{\"max_characters\":" + maxCharacters + ","
                        + "\"max_media_attachments\":4,\"characters_reserved_per_url\":" + charactersPerUrl + "}}}")));
        server.stubFor(post(urlEqualTo(STATUSES)).willReturn(aResponse().withTransformers(TRANSFORMER)));
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The next request to post a status not answered by an earlier script gets this answer, and creates nothing. */
    public MastodonServer answerNext(ResponseDefinitionBuilder answer) {
        statuses.scripted.addLast(Optional.of(answer.build()));
        return this;
    }

    /** The next request not answered by an earlier script is answered as usual: scripts a later request. */
    public MastodonServer acceptNext() {
        statuses.scripted.addLast(Optional.empty());
        return this;
    }

    /** The next status is created, but its answer comes only after this long (the client is gone by then). */
    public MastodonServer holdNextAnswer(int millis) {
        statuses.holdMillis.addLast(millis);
        return this;
    }

    /** Every request to post a status, in the order received. */
    public List<LoggedRequest> statusRequests() {
        return server.findAll(postRequestedFor(urlEqualTo(STATUSES)));
    }

    /** How many statuses exist: one per distinct Idempotency-Key that was accepted. */
    public int statusesCreated() {
        return statuses.byKey.size();
    }

    /** A request's form fields, decoded. */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int equals = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Statuses implements ResponseDefinitionTransformerV2 {
        private final Deque<Optional<ResponseDefinition>> scripted = new ArrayDeque<>();
        private final Deque<Integer> holdMillis = new ArrayDeque<>();
        private final Map<String, String> byKey = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong(113_000_000_000_000_000L);
        private final ObjectMapper json = new ObjectMapper();

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
            if (!("Bearer " + token).equals(request.getHeader("Authorization"))) {
                return answer(401, "{\"error\":\"The access token is invalid\"}");
            }
            Optional<ResponseDefinition> script = scripted.isEmpty() ? Optional.empty() : scripted.removeFirst();
            if (script.isPresent()) {
                return script.get();
            }
            String key = request.getHeader("Idempotency-Key");
            String status = key == null ? create(request) : byKey.computeIfAbsent(key, k -> create(request));
            ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.like(answer(200, status));
            if (!holdMillis.isEmpty()) {
                answer.withFixedDelay(holdMillis.removeFirst());
            }
            return answer.build();
        }

        private String create(LoggedRequest request) {
            Map<String, String> form = form(request);
            String id = Long.toString(ids.incrementAndGet());
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("id", id);
            status.put("uri", url() + "/users/alliance/statuses/" + id);
            status.put("url", url() + "/@alliance/" + id);
            status.put("content", "<p>" + form.get("status") + "</p>");
            status.put("language", form.get("language"));
            status.put("visibility", form.get("visibility"));
            status.put("in_reply_to_id", form.get("in_reply_to_id"));
            try {
                return json.writeValueAsString(status);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private ResponseDefinition answer(int status, String body) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)
                    .build();
        }
    }
}
