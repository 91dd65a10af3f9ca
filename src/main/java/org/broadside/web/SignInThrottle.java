package org.broadside.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed sign-ins for one name within
 * {@link #WINDOW}, that name is refused until the oldest failure leaves the window, whatever the password.
 * Counted per name rather than per address, since the console usually sits behind one proxy address.
 */
final class SignInThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_NAMES = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** When the name may try again, if it is locked out now. */
    Optional<Instant> lockedUntil(String name) {
        Deque<Instant> recent = failures.get(name);
        if (recent == null) {
            return Optional.empty();
        }
        synchronized (recent) {
            forgetOld(recent);
            return recent.size() >= MAX_FAILURES ? Optional.of(recent.peekFirst().plus(WINDOW)) : Optional.empty();
        }
    }

    void failed(String name) {
        if (failures.size() > MAX_NAMES) {
            // Guesses at made-up names must not grow the map without end: forget the names no longer locked.
            failures.keySet().removeIf(each -> lockedUntil(each).isEmpty());
        }
        Deque<Instant> recent = failures.computeIfAbsent(name, key -> new ArrayDeque<>());
        synchronized (recent) {
            forgetOld(recent);
            recent.addLast(clock.instant());
        }
    }

    void succeeded(String name) {
        failures.remove(name);
    }

    private void forgetOld(Deque<Instant> recent) {
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
            recent.removeFirst();
        }
    }
}
