package org.broadside.dispatch;

/**
 * Spaces events evenly at a rate (events per second), for any number of threads: each caller reserves the next
 * free slot and waits for it. Unlike a token bucket it allows no burst, so a provider that limits messages per
 * second never sees more, even right after an idle spell.
 */
final class Pacer {
    private final long intervalNanos;
    private final Ticker ticker;
    private long nextSlot;

    /** @param perSecond events per second; 0 means no limit */
    Pacer(double perSecond, Ticker ticker) {
        this.intervalNanos = perSecond <= 0 ? 0 : Math.max(1, Math.round(1_000_000_000 / perSecond));
        this.ticker = ticker;
        this.nextSlot = ticker.nanoTime();
    }

    /** Reserves the next slot and waits until it comes. */
    void await() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = ticker.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        ticker.sleepNanos(wait);
    }

    /** Time as the pacer reads it; tests substitute a clock they move by hand. */
    interface Ticker {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                if (nanos > 0) {
                    java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos);
                }
            }
        };
    }
}
