package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.IntStream;
import org.broadside.testing.Samples;
import org.broadside.testing.ScriptedSmtpServer;
import org.broadside.testing.TestHome;
import org.broadside.testing.TestHome.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pooled SMTP sender against a real server on loopback: parallel connections, a cap per connection, 421. */
class SmtpPoolTest {
    @TempDir
    Path dir;

    private TestHome home(ScriptedSmtpServer smtp, int members) {
        return new TestHome(dir).smtpOnLoopback(smtp.port())
                .set("broadside.dispatch.retry-base", "PT1S")
                .withApprovedSample(Samples.members(members));
    }

    @Test
    void sendsOverAsManyParallelConnectionsAsConfiguredAndNoMore() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of()).delayEachMessage(40)) {
            TestHome home = home(smtp, 60).set("broadside.smtp.connections", "3");

            Result released = home.run("release", "may-day-2027", "--now", "--wait");

            assertThat(released.exitCode()).as(released.err()).isZero();
            assertThat(released.out()).contains("60 deliveries: 60 sent");
            assertThat(smtp.mostOpenAtOnce()).as("connections open at once").isEqualTo(3);
            assertThat(smtp.connections()).as("kept open: one per connection, not one per message").isEqualTo(3);
            assertThat(IntStream.range(0, 60).map(i -> smtp.acceptedFor("member-" + i + "@org" + i % 7 + ".example")))
                    .as("each recipient exactly once").containsOnly(1);
        }
    }

    @Test
    void opensANewConnectionAfterTheCapOfMessagesPerConnection() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of())) {
            TestHome home = home(smtp, 20)
                    .set("broadside.smtp.connections", "1")
                    .set("broadside.smtp.messages-per-connection", "5");

            Result released = home.run("release", "may-day-2027", "--now", "--wait");

            assertThat(released.out()).contains("20 deliveries: 20 sent");
            assertThat(smtp.connections()).isEqualTo(4);
            assertThat(smtp.accepted()).isEqualTo(20);
        }
    }

    @Test
    void a421InMidSessionReconnectsAndDeliversEveryMessageOnceWithoutARetryDelay() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of()).closeWith421After(3)) {
            TestHome home = home(smtp, 12)
                    .set("broadside.smtp.connections", "2")
                    .set("broadside.dispatch.retry-base", "PT1H");

            Result released = home.run("release", "may-day-2027", "--now", "--wait");

            assertThat(released.exitCode()).as(released.err()).isZero();
            assertThat(released.out()).contains("12 deliveries: 12 sent");
            assertThat(smtp.accepted()).as("once each").isEqualTo(12);
            assertThat(smtp.connections()).as("reconnected after each 421").isGreaterThanOrEqualTo(4);
            assertThat(home.run("report", "may-day-2027").out().lines().skip(1))
                    .as("one attempt each: the reconnect happened within the attempt")
                    .allSatisfy(row -> assertThat(row).contains(",sent,1,"));
        }
    }
}
