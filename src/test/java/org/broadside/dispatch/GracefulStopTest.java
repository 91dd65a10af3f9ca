package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.IntStream;
import org.broadside.testing.Samples;
import org.broadside.testing.ScriptedSmtpServer;
import org.broadside.testing.ServiceJvm;
import org.broadside.testing.ServiceJvms;
import org.broadside.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGTERM) during {@code release --now --wait}: sending stops at once, so after the release is finished
 * by another command nobody is missing and only the messages that were in flight (one per connection) were
 * sent twice. Before, H2's shutdown hook closed the database under threads that went on sending unrecorded.
 */
class GracefulStopTest {
    @RegisterExtension
    final ServiceJvms jvms = new ServiceJvms();

    @TempDir
    Path dir;

    @Test
    void everyMessageTheServerAcceptedIsRecordedAndTheRestIsPendingAgain() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of()).delayEachMessage(20)) {
            TestHome home = new TestHome(dir).smtpOnLoopback(smtp.port())
                    .set("broadside.smtp.connections", "3")
                    .withApprovedSample(Samples.members(600));
            ServiceJvm release = jvms.command(dir, "release", "may-day-2027", "--now", "--wait");
            await().atMost(Duration.ofSeconds(120)).until(() -> smtp.accepted() >= 100);

            release.stop();
            int acceptedBeforeStop = smtp.accepted();
            Thread.sleep(500);
            assertThat(smtp.accepted()).as("nothing sent after the stop").isEqualTo(acceptedBeforeStop);
            assertThat(acceptedBeforeStop).as("stopped mid-way").isLessThan(600);

            assertThat(home.run("release", "may-day-2027", "--now", "--wait").out())
                    .contains("600 deliveries: 600 sent");
            assertThat(IntStream.range(0, 600).map(i -> smtp.acceptedFor("member-" + i + "@org" + i % 7 + ".example")))
                    .as("nobody missing").doesNotContain(0);
            assertThat(smtp.accepted() - 600).as("sent twice: at most the messages in flight").isBetween(0, 3);
        }
    }
}
