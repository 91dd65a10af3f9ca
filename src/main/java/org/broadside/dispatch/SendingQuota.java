package org.broadside.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A provider's quota over a sliding window, such as 2,000 messages a day: how many messages went out in the
 * last {@code window}, counted in buckets of 1/600 of the window (a day in 144-second buckets), so the memory it
 * takes does not grow with the quota. Slightly conservative: a bucket leaves the window only when all of it has.
 */
final class SendingQuota {
    private static final int BUCKETS = 600;

    private final int limit;
    private final Duration window;
    private final long bucketMillis;
    private final Deque<long[]> buckets = new ArrayDeque<>(); // {bucket start epoch millis, count}
    private int total;

    SendingQuota(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
        this.bucketMillis = Math.max(1, window.toMillis() / BUCKETS);
    }

    /**
     * Counts a message sent at {@code now} if the quota allows it; otherwise returns when it will, without
     * counting.
     */
    synchronized Optional<Instant> tryAcquire(Instant now) {
        expire(now);
        if (total >= limit) {
            long oldest = buckets.peekFirst()[0];
            return Optional.of(Instant.ofEpochMilli(oldest + bucketMillis).plus(window));
        }
        record(now);
        return Optional.empty();
    }

    /** Counts a message that went out earlier (seeding from the ledger at start). */
    synchronized void record(Instant sentAt) {
        long start = sentAt.toEpochMilli() / bucketMillis * bucketMillis;
        long[] last = buckets.peekLast();
        if (last != null && last[0] == start) {
            last[1]++;
        } else if (last == null || last[0] < start) {
            buckets.addLast(new long[] {start, 1});
        } else {
            // Seeded out of order: add to the bucket it belongs to, keeping the deque ordered.
            insertOrdered(start);
        }
        total++;
    }

    private void insertOrdered(long start) {
        Deque<long[]> later = new ArrayDeque<>();
        while (!buckets.isEmpty() && buckets.peekLast()[0] > start) {
            later.addFirst(buckets.pollLast());
        }
        long[] last = buckets.peekLast();
        if (last != null && last[0] == start) {
            last[1]++;
        } else {
            buckets.addLast(new long[] {start, 1});
        }
        buckets.addAll(later);
    }

    private void expire(Instant now) {
        long windowStart = now.minus(window).toEpochMilli();
        while (!buckets.isEmpty() && buckets.peekFirst()[0] + bucketMillis <= windowStart) {
            total -= (int) buckets.pollFirst()[1];
        }
    }

    Duration window() {
        return window;
    }

    String describe() {
        return limit + " per " + window.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
