package org.broadside.social.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.broadside.social.MastodonRule;

/** Reads an instance's status limits from {@code GET /api/v2/instance}, a public endpoint (no token sent). */
final class MastodonInstance {
    private final HttpClient http;
    private final URI endpoint;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    MastodonInstance(HttpClient http, URI endpoint, Duration timeout) {
        this.http = http;
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    /**
     * The instance's {@code configuration.statuses.max_characters} and {@code characters_reserved_per_url}.
     *
     * @throws InstanceUnavailableException when the instance cannot be reached or its answer lacks the limit
     */
    MastodonRule rule() {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new InstanceUnavailableException(endpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstanceUnavailableException(endpoint + ": interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new InstanceUnavailableException(endpoint + " answered " + response.statusCode(), null);
        }
        return rule(response.body());
    }

    private MastodonRule rule(String body) {
        try {
            JsonNode statuses = json.readTree(body).path("configuration").path("statuses");
            JsonNode limit = statuses.path("max_characters");
            if (!limit.canConvertToInt() || limit.asInt() < 1) {
                throw new InstanceUnavailableException(endpoint + " gives no configuration.statuses.max_characters",
                        null);
            }
            JsonNode perUrl = statuses.path("characters_reserved_per_url");
            return new MastodonRule(limit.asInt(), perUrl.canConvertToInt() && perUrl.asInt() >= 0 ? perUrl.asInt()
                    : MastodonRule.DEFAULT_CHARACTERS_PER_URL);
        } catch (IOException e) {
            throw new InstanceUnavailableException(endpoint + " answered with something other than JSON", e);
        }
    }

    /** The instance's limits could not be read. */
    static final class InstanceUnavailableException extends RuntimeException {
        InstanceUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
