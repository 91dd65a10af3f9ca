package org.broadside.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-12-18T01:00:00Z");

    @Test
    void readsSecondsAndHttpDatesAndNothingElse() {
        assertThat(RetryAfter.parse(" 120 ", NOW)).contains(NOW.plusSeconds(120));
        assertThat(RetryAfter.parse("Fri, 18 Dec 2026 01:05:00 GMT", NOW)).contains(Instant.parse("2026-12-18T01:05:00Z"));
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).as("no overflow").isEmpty();
    }
}
