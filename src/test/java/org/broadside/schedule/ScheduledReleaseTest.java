package org.broadside.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadside.App;
import org.broadside.camel.Pipeline;
import org.broadside.config.Settings;
import org.broadside.dispatch.DeliveryState;
import org.broadside.release.Release;
import org.broadside.release.ReleaseState;
import org.broadside.store.Sql;
import org.broadside.testing.Samples;
import org.broadside.testing.TestHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled releases with real Quartz triggers in the home's database and the real routes: they fire at their
 * time, survive a restart of the service, are sent late within the grace period or marked missed beyond it,
 * and cancel or reschedule leaves no stray trigger.
 */
class ScheduledReleaseTest {
    private static final String ID = "may-day-2027";

    @TempDir
    Path dir;
    TestHome home;

    @BeforeEach
    void setUp() {
        home = new TestHome(dir);
        home.run("contacts", "import", home.write("m.csv", Samples.CONTACTS).toString(), "--list", "members");
        home.run("contacts", "import", home.write("p.csv", Samples.PRESS).toString(), "--list", "press");
        home.run("submit", home.write("en.md", Samples.english()).toString());
        home.run("approve", ID, "--by", "Eni");
    }

    @Test
    void aScheduledReleaseFiresAtItsTimeAndNotBefore() {
        Instant at = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        Release release;
        try (App app = open(); Pipeline service = service(app)) {
            release = app.releaseControl().schedule(ID, Optional.of(at)).release();
            assertThat(app.triggers().armed(release.id())).containsExactly(at);

            await().atMost(Duration.ofSeconds(30)).until(() -> counts(app, release).get(DeliveryState.SENT) == 4);
            assertThat(sentTimes(app, release)).allSatisfy(sent -> assertThat(sent).isAfterOrEqualTo(at));
            assertThat(app.triggers().armed(release.id())).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    app.releases().find(release.id()).orElseThrow().state() == ReleaseState.DONE);
        }
        assertThat(dir.resolve("outbox/may-day-2027/social.json")).exists();
    }

    @Test
    void aScheduleSurvivesARestartOfTheService() {
        Instant at = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        String releaseId;
        try (App app = open(); Pipeline service = service(app)) {
            releaseId = app.releaseControl().schedule(ID, Optional.of(at)).release().id();
        }
        try (App app = open()) {
            assertThat(app.triggers().armed(releaseId)).as("stored, not in memory").containsExactly(at);
            assertThat(app.ledger().counts(releaseId).get(DeliveryState.PENDING)).isEqualTo(4);
        }
        try (App app = open(); Pipeline service = service(app)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> app.ledger().counts(releaseId).get(DeliveryState.SENT) == 4);
        }
    }

    @Test
    void aReleaseDueWhileTheServiceWasDownIsSentOnStartWithinTheGrace() throws Exception {
        Instant at = Instant.now().plusSeconds(1);
        String releaseId;
        try (App app = open()) {
            releaseId = app.releaseControl().schedule(ID, Optional.of(at)).release().id();
        }
        Thread.sleep(Duration.between(Instant.now(), at).toMillis() + 7_000);

        try (App app = open(); Pipeline service = service(app)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> app.ledger().counts(releaseId).get(DeliveryState.SENT) == 4);
        }
    }

    @Test
    void aReleaseDueLongerAgoThanTheGraceIsMarkedMissedAndSendsNothingUntilRescheduled() throws Exception {
        home.set("broadside.schedule.grace", "PT2S");
        Instant at = Instant.now().plusSeconds(1);
        String releaseId;
        try (App app = open()) {
            releaseId = app.releaseControl().schedule(ID, Optional.of(at)).release().id();
        }
        Thread.sleep(Duration.between(Instant.now(), at).toMillis() + 4_000);

        try (App app = open(); Pipeline service = service(app)) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    app.releases().find(releaseId).orElseThrow().state() == ReleaseState.MISSED);
            Thread.sleep(2_000);
            assertThat(app.ledger().counts(releaseId).get(DeliveryState.PENDING)).isEqualTo(4);
            assertThat(app.triggers().armed(releaseId)).isEmpty();

            Instant again = Instant.now().plusSeconds(2);
            app.releaseControl().schedule(ID, Optional.of(again));
            await().atMost(Duration.ofSeconds(30)).until(() -> app.ledger().counts(releaseId).get(DeliveryState.SENT) == 4);
        }
        assertThat(home.outbox().resolve("may-day-2027")).isDirectory();
    }

    @Test
    void cancelAndRescheduleLeaveNoStrayTrigger() {
        try (App app = open()) {
            Instant first = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
            Instant second = first.plus(Duration.ofHours(5));
            String releaseId = app.releaseControl().schedule(ID, Optional.of(first)).release().id();
            assertThat(app.triggers().armed(releaseId)).containsExactly(first);

            app.releaseControl().schedule(ID, Optional.of(second));
            assertThat(app.triggers().armed(releaseId)).containsExactly(second);
            assertThat(quartzTriggers(app)).isEqualTo(1);

            app.releaseControl().cancel(ID);
            assertThat(app.triggers().armed(releaseId)).isEmpty();
            assertThat(quartzTriggers(app)).isZero();
            assertThat(app.releases().find(releaseId).orElseThrow().state()).isEqualTo(ReleaseState.CANCELLED);
        }
    }

    @Test
    void aPausedReleaseSendsNothingUntilResumed() throws Exception {
        Instant at = Instant.now().plusSeconds(2);
        try (App app = open(); Pipeline service = service(app)) {
            String releaseId = app.releaseControl().schedule(ID, Optional.of(at)).release().id();
            app.releaseControl().pause(ID);
            Thread.sleep(Duration.between(Instant.now(), at).toMillis() + 3_000);
            assertThat(app.ledger().counts(releaseId).get(DeliveryState.PENDING)).isEqualTo(4);

            assertThat(app.releaseControl().resume(ID).state()).isEqualTo(ReleaseState.DISPATCHING);
            await().atMost(Duration.ofSeconds(40)).until(() -> app.ledger().counts(releaseId).get(DeliveryState.SENT) == 4);
        }
    }

    @Test
    void embargoedPressCopiesGoExactlyTheEmbargoEarlierAndSayWhenItLifts() {
        home.run("submit", home.write("en.md", Samples.english().replace("release_zone: Asia/Manila\n",
                "release_zone: Asia/Manila\npress_embargo: PT24H\n")).toString());
        home.run("approve", ID, "--by", "Eni");
        TestHome.Result plan = home.run("schedule", ID, "--dry-run", "--format", "csv");

        assertThat(plan.out().lines().toList()).contains(
                "desk@wire.example,press,Europe/London,2027-04-30T01:00:00Z,2027-04-30T02:00+01:00",
                "info@kasama.example,members;press,Asia/Manila,2027-04-30T01:00:00Z,2027-04-30T09:00+08:00",
                "kontakt@netzwerk.example,members,Europe/Berlin,2027-05-01T01:00:00Z,2027-05-01T03:00+02:00");
    }

    @Test
    void aReleaseTimeThatHasPassedForEveryoneIsRefusedAndNothingIsArmed() {
        home.run("submit", home.write("en.md", Samples.english().replace("release: 2027-05-01T09:00",
                "release: 2020-05-01T09:00")).toString());
        home.run("approve", ID, "--by", "Eni");

        TestHome.Result refused = home.run("schedule", ID);

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).startsWith("en.md:8: the release time has passed for every recipient");
        assertThat(home.run("status").out()).contains("may-day-2027 [en] approved; not released");
    }

    private App open() {
        return App.open(Settings.load(dir));
    }

    private static Pipeline service(App app) {
        Pipeline pipeline = Pipeline.create(app, true).start();
        pipeline.fireScheduledReleases();
        return pipeline;
    }

    private static Map<DeliveryState, Integer> counts(App app, Release release) {
        return app.ledger().counts(release.id());
    }

    private static List<Instant> sentTimes(App app, Release release) {
        return app.database().inTransaction(connection -> Sql.list(connection,
                "SELECT sent_at FROM deliveries WHERE release_id = ?", row -> Sql.instant(row, "sent_at"), release.id()));
    }

    private static int quartzTriggers(App app) {
        return app.database().inTransaction(connection -> Sql.first(connection,
                "SELECT COUNT(*) FROM qrtz_triggers", row -> row.getInt(1)).orElseThrow());
    }
}
