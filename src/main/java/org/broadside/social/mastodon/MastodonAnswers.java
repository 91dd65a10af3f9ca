package org.broadside.social.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.broadside.dispatch.DeliveryDeferredException;
import org.broadside.dispatch.DeliveryFailedException;
import org.broadside.social.PublishedPost;
import org.broadside.social.RetryAfter;

/**
 * What an answer to {@code POST /api/v1/statuses} means for the delivery: the published status, or the failure
 * the ledger records (deferred for a rate limit, temporary for a server error, permanent for a refusal).
 */
final class MastodonAnswers {
    /** A rate limit that names no time, or a time already past, is waited out this long before trying again. */
    static final Duration SHORTEST_WAIT = Duration.ofSeconds(1);
    private static final Duration WAIT_WITHOUT_TIME = Duration.ofMinutes(1);
    private static final int MAX_ERROR_TEXT = 300;

    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    MastodonAnswers(Clock clock) {
        this.clock = clock;
    }

    PublishedPost published(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return status(response.body());
        }
        String error = status + " " + errorText(response.body());
        if (status == 429) {
            Instant until = rateLimitReset(response.headers());
            throw new DeliveryDeferredException("Mastodon rate limit: " + error + "; trying again at " + until, until);
        }
        if (status >= 500) {
            throw new DeliveryFailedException("Mastodon server error: " + error, false, null);
        }
        // 401/403 (token revoked or without write:statuses), 422 (too long, bad language), a redirect (the URL
        // is not the instance's own): sending the same request again would get the same answer.
        throw new DeliveryFailedException("Mastodon refused the post: " + error, true, null);
    }

    /**
     * The status the instance created. An answer that cannot be read is a temporary failure, not a permanent
     * one: the status may well exist, and the retry (same Idempotency-Key) returns it instead of posting again.
     */
    private PublishedPost status(String body) {
        try {
            JsonNode status = json.readTree(body);
            String id = text(status, "id").orElseThrow(() -> new IOException("no id"));
            String url = text(status, "url").or(() -> text(status, "uri"))
                    .orElseThrow(() -> new IOException("no url"));
            return new PublishedPost(id, null, url);
        } catch (IOException e) {
            throw new DeliveryFailedException("Mastodon accepted the post but its answer cannot be read ("
                    + e.getMessage() + "): " + abbreviated(body), false, e);
        }
    }

    /**
     * When a rate limit lifts: Mastodon's {@code X-RateLimit-Reset} (an ISO 8601 time), else a proxy's
     * {@code Retry-After} (seconds or an HTTP date); never sooner than a second from now, so a clock skewed
     * against the server's cannot make the sender ask again at once, again and again.
     */
    Instant rateLimitReset(HttpHeaders headers) {
        Instant now = clock.instant();
        Optional<Instant> named = headers.firstValue("X-RateLimit-Reset").flatMap(MastodonAnswers::isoTime)
                .or(() -> headers.firstValue("Retry-After").flatMap(value -> RetryAfter.parse(value, now)));
        Instant earliest = now.plus(SHORTEST_WAIT);
        Instant until = named.orElse(now.plus(WAIT_WITHOUT_TIME));
        return until.isBefore(earliest) ? earliest : until;
    }

    private static Optional<Instant> isoTime(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Mastodon's {@code {"error": "..."}}, or the start of whatever else came back (a proxy's HTML page). */
    String errorText(String body) {
        try {
            Optional<String> error = text(json.readTree(body), "error");
            if (error.isPresent()) {
                return abbreviated(error.get());
            }
        } catch (IOException notJson) {
            // shown as it came, below
        }
        return abbreviated(body);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty()
                : Optional.of(value.asText());
    }

    private static String abbreviated(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_ERROR_TEXT ? oneLine : oneLine.substring(0, MAX_ERROR_TEXT) + "…";
    }
}
