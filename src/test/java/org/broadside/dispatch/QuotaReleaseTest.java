package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.broadside.testing.Samples;
import org.broadside.testing.ScriptedSmtpServer;
import org.broadside.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A provider quota: what would exceed it waits in the ledger, untried, until the window has room. */
class QuotaReleaseTest {
    @TempDir
    Path dir;

    @Test
    void deliveriesOverTheQuotaWaitUntriedAndASecondProcessCountsWhatTheFirstSent() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of())) {
            TestHome home = new TestHome(dir).smtpOnLoopback(smtp.port())
                    .set("broadside.smtp.connections", "1")
                    .set("broadside.throttle.quotas", "3/hour")
                    .withApprovedSample(Samples.members(5));

            assertThat(home.run("release", "may-day-2027", "--now").out()).contains("5 deliveries: 2 pending, 3 sent");
            // A new process (a restart) reads what went out in the last hour: still no room.
            assertThat(home.run("release", "may-day-2027", "--now").out()).contains("2 pending, 3 sent");

            assertThat(smtp.accepted()).isEqualTo(3);
            assertThat(home.run("report", "may-day-2027").out().lines().filter(row -> row.contains(",pending,")))
                    .hasSize(2)
                    .allSatisfy(row -> assertThat(row).contains(",pending,0,")
                            .contains("deferred: sending quota of 3 per 1h reached; waits until"));
        }
    }

    @Test
    void aDeliveryThatWouldWaitPastTheRetryAgeFailsWithoutCountingAsAServerError() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of())) {
            TestHome home = new TestHome(dir).smtpOnLoopback(smtp.port())
                    .set("broadside.smtp.connections", "1")
                    .set("broadside.throttle.quotas", "3/hour")
                    .set("broadside.dispatch.retry-max-age", "PT10M")
                    .set("broadside.dispatch.pause-after-failures", "1")
                    .withApprovedSample(Samples.members(5));

            assertThat(home.run("release", "may-day-2027", "--now", "--wait").out())
                    .contains("5 deliveries: 3 sent, 2 failed");
            assertThat(home.run("status", "may-day-2027").out()).as("a quota is no reason to pause")
                    .contains(": done,");
            assertThat(home.run("report", "may-day-2027").out().lines().filter(row -> row.contains(",failed,")))
                    .hasSize(2)
                    .allSatisfy(row -> assertThat(row).contains("deferred: sending quota of 3 per 1h reached"));
        }
    }
}
