package org.broadside.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a temporarily failed delivery is tried again: exponential backoff from a base, doubling per attempt, at
 * most an hour apart, with ±20% jitter so that a provider's 421 does not bring every retry back at once; and
 * never once the delivery is older than the maximum age, because a statement is news.
 */
public record RetryPolicy(Duration base, Duration maxAge) {
    private static final Duration CEILING = Duration.ofHours(1);

    /** A delivery's attempts so far and when it was due. */
    public record Attempt(int attempts, Instant sendAt) {
    }

    /** The next try, or empty when the delivery is too old to try again. */
    public Optional<Instant> next(Attempt attempt, Instant now) {
        long factor = 1L << Math.min(Math.max(attempt.attempts() - 1, 0), 20);
        Duration backoff = base.multipliedBy(factor);
        if (backoff.compareTo(CEILING) > 0) {
            backoff = CEILING;
        }
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        Instant next = now.plusMillis(Math.round(backoff.toMillis() * jitter));
        return next.isAfter(attempt.sendAt().plus(maxAge)) ? Optional.empty() : Optional.of(next);
    }

    /** A delivery held back until a given instant (a sending quota is used up), or empty if it is then too old. */
    public Optional<Instant> deferred(Instant sendAt, Instant until) {
        return until.isAfter(sendAt.plus(maxAge)) ? Optional.empty() : Optional.of(until);
    }
}
