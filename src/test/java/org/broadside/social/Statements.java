package org.broadside.social;

import org.broadside.statement.Kind;
import org.broadside.statement.ReleaseTime;
import org.broadside.statement.Statement;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Statement versions for tests: only what social posts read is worth varying. */
final class Statements {

    private Statements() {
    }

    static Statement version(String language, String summary, String body, List<String> hashtags) {
        return new Statement(
                "migrants-day-2025",
                "International Migrants Day",
                null,
                Kind.STATEMENT,
                language,
                LocalDate.of(2025, 12, 18),
                new ReleaseTime.At(Instant.parse("2025-12-18T00:00:00Z")),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                null,
                hashtags,
                URI.create("https://broadside.example.org/s/migrants-day-2025"),
                summary,
                null,
                body,
                body,
                "0".repeat(64));
    }
}
