package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Arrays;
import org.broadside.testing.Samples;
import org.broadside.testing.TestHome;
import org.broadside.testing.TestHome.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The smtp transport against a real SMTP server in this JVM. */
class SmtpReleaseTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
            .dynamicPort());

    @TempDir
    Path dir;

    @Test
    void everyRecipientReceivesOneMessageWithOurHeaders() throws Exception {
        TestHome home = new TestHome(dir)
                .set("broadside.transport", "smtp")
                .set("broadside.smtp.host", "127.0.0.1")
                .set("broadside.smtp.port", String.valueOf(smtp.getSmtp().getPort()))
                .set("broadside.smtp.starttls", "required");
        home.run("contacts", "import", home.write("m.csv", Samples.CONTACTS).toString(), "--list", "members");
        home.run("contacts", "import", home.write("p.csv", Samples.PRESS).toString(), "--list", "press");
        home.run("submit", home.write("en.md", Samples.english()).toString());
        home.run("approve", "may-day-2027", "--by", "Eni");

        Result released = home.run("release", "may-day-2027", "--now", "--wait");

        assertThat(released.exitCode()).as(released.err()).isZero();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(4);
        assertThat(Arrays.stream(received).map(SmtpReleaseTest::to)).containsExactlyInAnyOrder(
                "info@kasama.example", "hola@trabajadoras.example", "kontakt@netzwerk.example", "desk@wire.example");
        for (MimeMessage message : received) {
            assertThat(message.getSubject()).isEqualTo("Workers’ Day 2027: “We keep the world running”");
            assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(message.getMessageID()).endsWith("@alliance.example>");
            assertThat(message.getHeader("Return-Path", null)).as("no bounce address: the envelope sender is From")
                    .isEqualTo("<news@alliance.example>");
        }
        assertThat(home.run("status", "may-day-2027").out()).contains("4 deliveries: 4 sent");
    }

    @Test
    void anUnreachableServerIsRetriedUntilTheRetryAgeThenEachDeliveryFailsWithTheReason() {
        TestHome home = new TestHome(dir)
                .set("broadside.transport", "smtp")
                .set("broadside.smtp.host", "127.0.0.1")
                .set("broadside.smtp.port", "1")
                .set("broadside.smtp.starttls", "off")
                .set("broadside.smtp.timeout-ms", "2000")
                .set("broadside.dispatch.retry-base", "PT1S")
                .set("broadside.dispatch.retry-max-age", "PT3S");
        home.run("contacts", "import", home.write("m.csv", Samples.CONTACTS).toString(), "--list", "members");
        home.run("submit", home.write("en.md", Samples.english()).toString());
        home.run("approve", "may-day-2027", "--by", "Eni");

        Result released = home.run("release", "may-day-2027", "--now", "--wait");

        assertThat(released.exitCode()).isEqualTo(1);
        assertThat(released.out()).contains("3 deliveries: 3 failed");
        assertThat(home.run("report", "may-day-2027").out().lines().skip(1))
                .allSatisfy(row -> assertThat(row).contains("Couldn't connect to host"))
                .anySatisfy(row -> assertThat(row).doesNotContain(",failed,1,"));
    }

    @Test
    void startTlsStaysRequiredForAServerElsewhereAndIsRelaxedOnlyOnLoopback() {
        SmtpSettings remote = new SmtpSettings("smtp.alliance.example", 587, null, null,
                SmtpSettings.StartTls.REQUIRED, 1000, 1, 0, true);
        SmtpSettings local = new SmtpSettings("127.0.0.1", 25, null, null, SmtpSettings.StartTls.REQUIRED, 1000, 1, 0, true);

        assertThat(SmtpTransport.properties(remote).getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(SmtpTransport.properties(local).getProperty("mail.smtp.starttls.required")).isEqualTo("false");
        assertThat(SmtpTransport.properties(local).getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
    }

    private static String to(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress()
                    .toLowerCase(java.util.Locale.ROOT);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
