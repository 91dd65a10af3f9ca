package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.broadside.testing.Samples;
import org.broadside.testing.ScriptedSmtpServer;
import org.broadside.testing.TestHome;
import org.broadside.testing.TestHome.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A release that keeps failing pauses itself; the operator resumes it once the cause is fixed. */
class AutoPauseTest {
    @TempDir
    Path dir;

    @Test
    void pausesAfterTheThresholdOfFailuresAndAResumedReleaseSendsTheRest() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of()).refuseEveryone(true)) {
            TestHome home = new TestHome(dir).smtpOnLoopback(smtp.port())
                    .set("broadside.smtp.connections", "2")
                    .set("broadside.dispatch.pause-after-failures", "5")
                    .withApprovedSample(Samples.members(100));

            Result released = home.run("release", "may-day-2027", "--now", "--wait");

            assertThat(released.exitCode()).isEqualTo(1);
            assertThat(released.err()).contains("paused automatically after 5 failed attempts; last reply: 550 5.1.1");
            String status = home.run("status", "may-day-2027").out();
            assertThat(status).contains(": paused,").contains("paused automatically after 5 failed attempts");
            int failed = count(status, "failed");
            assertThat(failed).as("stopped within the messages in flight").isBetween(5, 5 + 2 + 1);
            assertThat(count(status, "pending")).isEqualTo(100 - failed);

            smtp.refuseEveryone(false);
            assertThat(home.run("resume", "may-day-2027").exitCode()).isZero();
            Result resumed = home.run("release", "may-day-2027", "--now", "--wait");

            assertThat(resumed.out()).contains("100 deliveries: " + (100 - failed) + " sent, " + failed + " failed");
            assertThat(smtp.accepted()).isEqualTo(100 - failed);
        }
    }

    private static int count(String status, String state) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("deliveries: .*?(\\d+) " + state)
                .matcher(status);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}
