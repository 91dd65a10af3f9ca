package org.broadside.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * How fast email may leave, so that no provider is hammered: a global rate, a rate and a number of messages in
 * flight per recipient domain, and sliding-window quotas (per hour, per day) over everything sent. Rates make
 * a sender wait; a full quota defers the delivery to when the window has room (it waits in the ledger, not in
 * memory). Thread-safe: every sending thread goes through one throttle.
 */
public final class Throttle {
    private final Pacer global;
    private final double domainRate;
    private final int domainInFlight;
    private final List<SendingQuota> quotas;
    private final Clock clock;
    private final Pacer.Ticker ticker;
    private final Map<String, Domain> domains = new ConcurrentHashMap<>();

    Throttle(ThrottleSettings settings, Clock clock, Pacer.Ticker ticker) {
        this.global = new Pacer(settings.rate(), ticker);
        this.domainRate = settings.domainRate();
        this.domainInFlight = settings.domainInFlight();
        this.quotas = settings.quotas().stream().map(q -> new SendingQuota(q.limit(), q.window())).toList();
        this.clock = clock;
        this.ticker = ticker;
    }

    public Throttle(ThrottleSettings settings, Clock clock) {
        this(settings, clock, Pacer.Ticker.SYSTEM);
    }

    /** The longest quota window: how far back the ledger must be read to seed the quotas. */
    public Optional<Duration> longestWindow() {
        return quotas.stream().map(SendingQuota::window).max(Duration::compareTo);
    }

    /** Counts a message sent before this process started, so a restart does not reset a daily quota. */
    public void seed(Instant sentAt) {
        for (SendingQuota quota : quotas) {
            quota.record(sentAt);
        }
    }

    /**
     * Lets an email go when the rates allow (waiting as needed), or defers it when a quota is used up. A route
     * step: returns the email unchanged.
     *
     * @throws DeliveryDeferredException when a quota window is full, with the time it has room again
     */
    public OutgoingEmail admit(OutgoingEmail email) throws InterruptedException {
        checkQuotas();
        global.await();
        if (domainRate > 0) {
            domain(email.recipient()).pacer.await();
        }
        return email;
    }

    private void checkQuotas() {
        Instant now = clock.instant();
        for (SendingQuota quota : quotas) {
            Optional<Instant> until = quota.tryAcquire(now);
            if (until.isPresent()) {
                throw new DeliveryDeferredException("deferred: sending quota of " + quota.describe()
                        + " reached; waits until " + until.get(), until.get());
            }
        }
    }

    /** Holds one of a recipient domain's in-flight places while a message to it is being sent. */
    public Permit inFlight(String recipient) throws InterruptedException {
        if (domainInFlight <= 0) {
            return () -> { };
        }
        Semaphore places = domain(recipient).inFlight;
        places.acquire();
        return places::release;
    }

    /** A place held while sending; closing it frees the place. */
    @FunctionalInterface
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private Domain domain(String recipient) {
        return domains.computeIfAbsent(domainOf(recipient), name -> new Domain(
                new Pacer(domainRate, ticker), new Semaphore(Math.max(1, domainInFlight), true)));
    }

    static String domainOf(String recipient) {
        int at = recipient.lastIndexOf('@');
        String domain = at < 0 ? recipient : recipient.substring(at + 1);
        return domain.toLowerCase(Locale.ROOT);
    }

    private record Domain(Pacer pacer, Semaphore inFlight) {
    }
}
