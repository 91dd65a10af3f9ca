package org.broadside.social.bluesky;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.broadside.social.RetryAfter;

/**
 * An XRPC call the server answered with an error: its HTTP status and the body's {@code error} and {@code message}.
 * Never carries the request, which for createSession holds the password.
 */
final class XrpcException extends RuntimeException {
    /** When a 429 names no time to come back. */
    private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofMinutes(1);

    private final String method;
    private final int status;
    private final String error;
    private final String serverMessage;
    private final transient HttpHeaders headers;

    XrpcException(String method, int status, String error, String serverMessage, HttpHeaders headers) {
        super(method + ": " + status + " " + error + (serverMessage.isEmpty() ? "" : ": " + serverMessage));
        this.method = method;
        this.status = status;
        this.error = error;
        this.serverMessage = serverMessage;
        this.headers = headers;
    }

    String method() {
        return method;
    }

    int status() {
        return status;
    }

    /** The XRPC error name, e.g. {@code ExpiredToken}; the HTTP reason when the body named none. */
    String error() {
        return error;
    }

    String serverMessage() {
        return serverMessage;
    }

    boolean isRateLimit() {
        return status == 429;
    }

    boolean isServerError() {
        return status >= 500;
    }

    /**
     * The access token has expired or was revoked: a refreshed or new session will do. The PDS answers 400
     * {@code ExpiredToken}; some deployments (and an entryway in front of a PDS) use 401 and {@code InvalidToken}.
     */
    boolean isTokenProblem() {
        return (status == 400 || status == 401) && ("ExpiredToken".equals(error) || "InvalidToken".equals(error));
    }

    /**
     * When a rate-limited call may be made again: the PDS's {@code RateLimit-Reset} (epoch seconds, the draft
     * RateLimit header fields as the PDS sends them), else {@code Retry-After} (seconds or an HTTP date), else a
     * minute from now.
     */
    Instant retryAt(Clock clock) {
        return epochSeconds("ratelimit-reset")
                .or(() -> headers.firstValue("retry-after").flatMap(value -> RetryAfter.parse(value, clock.instant())))
                .orElseGet(() -> clock.instant().plus(DEFAULT_RATE_LIMIT_WAIT));
    }

    private Optional<Instant> epochSeconds(String header) {
        return headers.firstValue(header).flatMap(value -> {
            try {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
