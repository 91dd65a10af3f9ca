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

/** Temporary and permanent SMTP failures against a real server on loopback that answers as scripted. */
class RetryTest {
    @TempDir
    Path dir;

    @Test
    void aTemporaryFailureIsRetriedAndDeliveredOnceAndAPermanentOneFailsAtOnceWithTheReply() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of("info@kasama.example"),
                Set.of("kontakt@netzwerk.example"))) {
            TestHome home = new TestHome(dir)
                    .set("broadside.transport", "smtp")
                    .set("broadside.smtp.host", "127.0.0.1")
                    .set("broadside.smtp.port", Integer.toString(smtp.port()))
                    .set("broadside.dispatch.retry-base", "PT1S");
            home.run("contacts", "import", home.write("m.csv", Samples.CONTACTS).toString(), "--list", "members");
            home.run("submit", home.write("en.md", Samples.english()).toString());
            home.run("approve", "may-day-2027", "--by", "Eni");

            Result released = home.run("release", "may-day-2027", "--now", "--wait");

            assertThat(released.exitCode()).as("one delivery failed").isEqualTo(1);
            assertThat(released.out()).contains("3 deliveries: 2 sent, 1 failed");
            assertThat(smtp.acceptedFor("info@kasama.example")).as("delivered once, after one 451").isEqualTo(1);
            assertThat(smtp.triesFor("info@kasama.example")).isEqualTo(2);
            assertThat(smtp.acceptedFor("kontakt@netzwerk.example")).isZero();
            assertThat(smtp.triesFor("kontakt@netzwerk.example")).as("550 at RCPT: never retried").isZero();
            String report = home.run("report", "may-day-2027").out();
            assertThat(report.lines()).anySatisfy(row -> assertThat(row)
                    .startsWith("kontakt@netzwerk.example,").contains(",failed,1,").contains("550 5.1.1"));
            assertThat(report.lines()).anySatisfy(row -> assertThat(row)
                    .startsWith("info@kasama.example,").contains(",sent,2,").contains("250 2.0.0"));
        }
    }
}
