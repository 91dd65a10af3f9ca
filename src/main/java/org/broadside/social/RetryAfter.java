package org.broadside.social;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * HTTP's {@code Retry-After} (RFC 9110, section 10.2.3): a number of seconds or an HTTP date. Both networks'
 * clients fall back to it when their own rate-limit header is missing (a proxy in front answered).
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /** When the header says to come back, read at {@code now}; empty when it is neither form. */
    public static Optional<Instant> parse(String value, Instant now) {
        String trimmed = value.strip();
        if (trimmed.matches("\\d{1,9}")) {
            return Optional.of(now.plusSeconds(Long.parseLong(trimmed)));
        }
        try {
            return Optional.of(ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
