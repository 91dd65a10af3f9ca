package org.broadside.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.broadside.testing.DeliveryReports;
import org.junit.jupiter.api.Test;

/** Reading RFC 3464 reports from the bytes a mailbox holds. */
class DeliveryStatusNotificationTest {
    private static final String TO = "bounces+7-aaaaaaaaaaaaaaaa@alliance.example";
    private static final String RECIPIENT = "info@kasama.example";

    @Test
    void aFailureWithAPermanentStatusIsAHardBounceWithTheServersUnfoldedWords() throws Exception {
        Optional<Bounce> bounce = bounceOf(DeliveryReports.dsn(TO, RECIPIENT, "failed", "5.1.1",
                "550 5.1.1 <info@kasama.example>: Recipient address rejected: User unknown in virtual mailbox table"));

        assertThat(bounce).contains(new Bounce(Bounce.Kind.HARD, "5.1.1",
                "550 5.1.1 <info@kasama.example>: Recipient address rejected: User unknown in virtual mailbox table"));
        assertThat(bounce.get().suppressionReason()).isEqualTo("bounced 5.1.1");
        assertThat(bounce.get().reply()).startsWith("bounced: 5.1.1 550 5.1.1 <info@kasama.example>");
    }

    @Test
    void aFailureWithATemporaryStatusAndADelayNoticeAreSoftBounces() throws Exception {
        assertThat(bounceOf(DeliveryReports.dsn(TO, RECIPIENT, "failed", "4.2.2", "552 4.2.2 Mailbox full")))
                .contains(new Bounce(Bounce.Kind.SOFT, "4.2.2", "552 4.2.2 Mailbox full"));
        assertThat(bounceOf(DeliveryReports.dsn(TO, RECIPIENT, "delayed", "4.4.1",
                "connect to mailstore.kasama.example[192.0.2.7]:25: Connection timed out")))
                .map(Bounce::kind).contains(Bounce.Kind.SOFT);
    }

    @Test
    void aSuccessReportIsADsnWithoutABounce() throws Exception {
        Optional<DeliveryStatusNotification> report =
                read(DeliveryReports.dsn(TO, RECIPIENT, "delivered", "2.0.0", "250 2.0.0 Ok: queued as 4Q1XYZ"));

        assertThat(report).isPresent();
        assertThat(report.get().bounce()).isEmpty();
    }

    @Test
    void otherMailIsNoDsn() throws Exception {
        assertThat(read(DeliveryReports.outOfOffice(TO))).isEmpty();
        String readReceipt = DeliveryReports.dsn(TO, RECIPIENT, "failed", "5.1.1", "550 5.1.1 unknown")
                .replace("report-type=delivery-status", "report-type=disposition-notification")
                .replace("Content-Type: message/delivery-status", "Content-Type: message/disposition-notification");
        assertThat(read(readReceipt)).isEmpty();
    }

    @Test
    void anEncodedReportWithALeadingBlankLineAndSeveralRecipientsCountsItsWorstRecipient() throws Exception {
        String fields = "\r\nReporting-MTA: dns; mx.kasama.example\r\n\r\n"
                + "Final-Recipient: rfc822; info@kasama.example\r\nAction: delayed\r\nStatus: 4.4.1\r\n\r\n"
                + "Final-Recipient: rfc822; joel@kasama.example\r\nAction: failed\r\n"
                + "Status: 5.2.1 (mailbox disabled)\r\nDiagnostic-Code: smtp; 550 5.2.1 account\u001b[2J disabled\r\n";
        String encoded = java.util.Base64.getMimeEncoder().encodeToString(fields.getBytes(StandardCharsets.US_ASCII));
        String mail = DeliveryReports.dsn(TO, RECIPIENT, "failed", "5.1.1", "550 5.1.1 unknown").replaceFirst(
                "Content-Type: message/delivery-status\r\n\r\n(?s:.*?)\r\n--B2027",
                "Content-Type: message/delivery-status\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + java.util.regex.Matcher.quoteReplacement(encoded) + "\r\n\r\n--B2027");

        assertThat(bounceOf(mail)).contains(new Bounce(Bounce.Kind.HARD, "5.2.1", "550 5.2.1 account [2J disabled"));
    }

    private static Optional<Bounce> bounceOf(String mail) throws Exception {
        return read(mail).orElseThrow().bounce();
    }

    private static Optional<DeliveryStatusNotification> read(String mail) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(mail.getBytes(StandardCharsets.US_ASCII)));
        return DeliveryStatusNotification.read(message);
    }
}
