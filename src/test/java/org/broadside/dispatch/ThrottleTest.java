package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadside.config.ConfigurationException;
import org.junit.jupiter.api.Test;

/** Rates, per-domain limits and sliding-window quotas, on a clock the test moves by hand. */
class ThrottleTest {
    private static final Instant NOON = Instant.parse("2026-12-18T12:00:00Z");

    /** A ticker whose sleeps move its own time instead of waiting. */
    private static final class HandTicker implements Pacer.Ticker {
        long now;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public synchronized long nanoTime() {
            return now;
        }

        @Override
        public synchronized void sleepNanos(long nanos) {
            sleeps.add(nanos);
        }
    }

    private static OutgoingEmail to(String recipient) {
        return new OutgoingEmail(1, "s", recipient, null);
    }

    @Test
    void aGlobalRateSpacesMessagesEvenlyWithNoBurst() throws Exception {
        HandTicker ticker = new HandTicker();
        Throttle throttle = new Throttle(new ThrottleSettings(4, 0, 0, List.of()), Clock.systemUTC(), ticker);

        for (int i = 0; i < 4; i++) {
            throttle.admit(to("a" + i + "@x.example"));
        }

        assertThat(ticker.sleeps).containsExactly(0L, 250_000_000L, 500_000_000L, 750_000_000L);
    }

    @Test
    void aDomainRateSlowsOnlyThatDomain() throws Exception {
        HandTicker ticker = new HandTicker();
        Throttle throttle = new Throttle(new ThrottleSettings(0, 2, 0, List.of()), Clock.systemUTC(), ticker);

        throttle.admit(to("a@gmail.example"));
        throttle.admit(to("b@GMAIL.example"));
        throttle.admit(to("c@posteo.example"));

        assertThat(ticker.sleeps).containsExactly(0L, 500_000_000L, 0L);
    }

    @Test
    void noLimitsMeansNoWaiting() throws Exception {
        HandTicker ticker = new HandTicker();
        Throttle throttle = new Throttle(ThrottleSettings.unlimited(), Clock.systemUTC(), ticker);
        for (int i = 0; i < 100; i++) {
            throttle.admit(to("a@x.example"));
        }
        assertThat(ticker.sleeps).isEmpty();
    }

    @Test
    void aFullQuotaDefersUntilTheWindowHasRoomAgain() throws Exception {
        Clock clock = Clock.fixed(NOON, ZoneOffset.UTC);
        Throttle throttle = new Throttle(new ThrottleSettings(0, 0, 0,
                List.of(new ThrottleSettings.Quota(3, Duration.ofHours(1)))), clock, new HandTicker());
        throttle.seed(NOON.minus(Duration.ofMinutes(30)));

        throttle.admit(to("a@x.example"));
        throttle.admit(to("b@x.example"));

        assertThatThrownBy(() -> throttle.admit(to("c@x.example")))
                .isInstanceOfSatisfying(DeliveryDeferredException.class, deferred -> {
                    assertThat(deferred.isPermanent()).isFalse();
                    // The seeded message leaves the hour at 12:30 (within one 6-second bucket).
                    assertThat(deferred.until()).isBetween(NOON.plus(Duration.ofMinutes(30)),
                            NOON.plus(Duration.ofMinutes(30)).plusSeconds(6));
                    assertThat(deferred.getMessage()).contains("sending quota of 3 per 1h reached");
                });
    }

    @Test
    void aQuotaWindowSlides() {
        SendingQuota quota = new SendingQuota(2, Duration.ofMinutes(10));
        assertThat(quota.tryAcquire(NOON)).isEmpty();
        assertThat(quota.tryAcquire(NOON.plusSeconds(60))).isEmpty();
        assertThat(quota.tryAcquire(NOON.plusSeconds(120))).isPresent();
        assertThat(quota.tryAcquire(NOON.plusSeconds(601))).as("the first has left the window").isEmpty();
        assertThat(quota.tryAcquire(NOON.plusSeconds(602))).isPresent();
    }

    @Test
    void seedingOutOfOrderKeepsTheCount() {
        SendingQuota quota = new SendingQuota(3, Duration.ofHours(1));
        quota.record(NOON.minusSeconds(60));
        quota.record(NOON.minusSeconds(3000));
        quota.record(NOON.minusSeconds(600));
        assertThat(quota.tryAcquire(NOON)).isPresent();
        assertThat(quota.tryAcquire(NOON.plusSeconds(700))).as("the 3000 s old one has left").isEmpty();
    }

    @Test
    void messagesInFlightToOneDomainAreCapped() throws Exception {
        Throttle throttle = new Throttle(new ThrottleSettings(0, 0, 2, List.of()), Clock.systemUTC());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(6);
        for (int i = 0; i < 6; i++) {
            Thread thread = new Thread(() -> {
                try (Throttle.Permit place = throttle.inFlight("someone@same.example")) {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    Thread.sleep(50);
                    inFlight.decrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.countDown();
            });
            thread.start();
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void quotasAreReadInWordsOrIsoDurationsAndABadOneNamesTheSetting() {
        assertThat(ThrottleSettings.quotas(List.of("500/hour", "2000/DAY", "100/PT10M"))).containsExactly(
                new ThrottleSettings.Quota(500, Duration.ofHours(1)),
                new ThrottleSettings.Quota(2000, Duration.ofDays(1)),
                new ThrottleSettings.Quota(100, Duration.ofMinutes(10)));
        for (String bad : List.of("500", "lots/hour", "0/hour", "5/fortnight", "5/PT0S")) {
            assertThatThrownBy(() -> ThrottleSettings.quotas(List.of(bad)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("broadside.throttle.quotas: '" + bad + "' is not a quota");
        }
    }
}
