package org.broadside.bounce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.broadside.App;
import org.broadside.camel.Pipeline;
import org.broadside.config.Settings;
import org.broadside.store.Sql;
import org.broadside.testing.DeliveryReports;
import org.broadside.testing.Samples;
import org.broadside.testing.TestHome;
import org.broadside.testing.TestHome.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The whole bounce loop against real servers in this JVM: a release goes out over SMTP with VERP envelope senders,
 * the recipients' servers send delivery status notifications back to those addresses, the mail server files them
 * in the bounce mailbox (as a real one does, ignoring the +TOKEN part), and the service's bounces route reads them
 * over IMAP or POP3.
 */
class BouncesRouteTest {
    /** Characters that a URI would mangle if the route did not pass the password through untouched. */
    private static final String PASSWORD = "s3cr&t+pw%(x)=y";
    private static final String KASAMA = "info@kasama.example";
    private static final String TRABAJADORAS = "hola@trabajadoras.example";
    private static final String NETZWERK = "kontakt@netzwerk.example";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3).dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser("bounces@alliance.example", "bounces", PASSWORD)
                    .withSieveIgnoreDetail());

    @TempDir
    Path dir;
    private TestHome home;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Map<String, Level> levels = new java.util.HashMap<>();

    @BeforeEach
    void releaseToTheMembersOverSmtp() throws IOException {
        home = new TestHome(dir)
                .set("broadside.transport", "smtp")
                .set("broadside.smtp.host", "127.0.0.1")
                .set("broadside.smtp.port", String.valueOf(mail.getSmtp().getPort()))
                .set("broadside.http.port", String.valueOf(freePort()))
                .set("broadside.bounce.address", "bounces@alliance.example")
                .set("broadside.bounce.username", "bounces")
                .set("broadside.bounce.password", PASSWORD);
        home.run("contacts", "import", home.write("m.csv", Samples.CONTACTS).toString(), "--list", "members");
        home.run("submit", home.write("en.md", Samples.english()).toString());
        home.run("approve", "may-day-2027", "--by", "Eni");
        Result released = home.run("release", "may-day-2027", "--now", "--wait");
        assertThat(released.exitCode()).as(released.err()).isZero();
        captureLogs();
    }

    @AfterEach
    void restoreLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(log);
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    @Test
    void overImapAHardBounceSuppressesASoftOneCountsAndAForgedOneOrOtherMailChangesNothing() throws Exception {
        home.set("broadside.bounce.mailbox-url", "imap://127.0.0.1:" + mail.getImap().getPort());
        String kasama = envelopeSenderReceivedBy(KASAMA);
        String trabajadoras = envelopeSenderReceivedBy(TRABAJADORAS);
        String netzwerk = envelopeSenderReceivedBy(NETZWERK);
        String forged = netzwerk.substring(0, netzwerk.indexOf('-') + 1) + kasama.substring(kasama.indexOf('-') + 1);
        sendToBounceMailbox(kasama, DeliveryReports.dsn(kasama, KASAMA, "failed", "5.1.1",
                "550 5.1.1 <info@kasama.example>: Recipient address rejected: User unknown in virtual mailbox table"));
        sendToBounceMailbox(trabajadoras, DeliveryReports.dsn(trabajadoras, TRABAJADORAS, "failed", "4.2.2",
                "552 4.2.2 <hola@trabajadoras.example>: Mailbox full"));
        sendToBounceMailbox(forged, DeliveryReports.dsn(forged, NETZWERK, "failed", "5.1.1",
                "550 5.1.1 <kontakt@netzwerk.example>: User unknown"));
        sendToBounceMailbox(trabajadoras, DeliveryReports.outOfOffice(trabajadoras));
        assertThat(bounceMailboxCount()).isEqualTo(4);

        readTheBounceMailbox();

        try (App app = App.open(Settings.load(dir))) {
            assertThat(suppressions(app)).containsExactly(List.of(KASAMA, "bounced 5.1.1",
                    "550 5.1.1 <info@kasama.example>: Recipient address rejected: User unknown in virtual mailbox table"));
            assertThat(delivery(app, KASAMA)).containsExactly("FAILED", "0", "bounced: 5.1.1 550 5.1.1 "
                    + "<info@kasama.example>: Recipient address rejected: User unknown in virtual mailbox table");
            assertThat(delivery(app, TRABAJADORAS)).as("counted once: the out-of-office reply is no bounce")
                    .containsExactly("SENT", "1", "soft bounce: 4.2.2 552 4.2.2 <hola@trabajadoras.example>: Mailbox full");
            List<String> netzwerkDelivery = delivery(app, NETZWERK);
            assertThat(netzwerkDelivery.subList(0, 2)).as("the forged bounce changed nothing")
                    .containsExactly("SENT", "0");
            assertThat(netzwerkDelivery.get(2)).startsWith("250 ");
        }
        assertThat(home.run("report", "may-day-2027").out().lines()).as("the report counts the soft bounce")
                .filteredOn(row -> row.startsWith(TRABAJADORAS)).singleElement().asString()
                .contains(",sent,1,1,").endsWith(": Mailbox full");
        assertThat(logLines()).filteredOn(line -> line.contains("not sent to a bounce address with a genuine token"))
                .hasSize(1);
        assertThat(logLines()).filteredOn(line -> line.contains("not a delivery status notification")).hasSize(1);
        assertThat(logLines()).as("the route started, and never showed the password")
                .anyMatch(line -> line.contains("Started bounces (imap://127.0.0.1:"))
                .noneMatch(line -> line.contains(PASSWORD))
                .noneMatch(line -> line.contains("s3cr"));
    }

    @Test
    void overPop3AHardBounceSuppressesAndALaterReleaseSkipsTheAddressEvenAfterReimport() throws Exception {
        home.set("broadside.bounce.mailbox-url", "pop3://127.0.0.1:" + mail.getPop3().getPort());
        String kasama = envelopeSenderReceivedBy(KASAMA);
        sendToBounceMailbox(kasama, DeliveryReports.dsn(kasama, KASAMA, "failed", "5.1.1",
                "550 5.1.1 <info@kasama.example>: user unknown"));

        readTheBounceMailbox();

        home.run("contacts", "import", dir.resolve("m.csv").toString(), "--list", "members");
        home.run("submit", home.write("june.md", Samples.statement("june-2027", "en", "",
                "Migrant domestic workers meet in Manila.\n")).toString());
        home.run("approve", "june-2027", "--by", "Eni");
        Result released = home.run("release", "june-2027", "--now", "--wait");

        assertThat(released.out()).contains("2 deliveries: 2 sent");
        assertThat(received(KASAMA)).as("only the first release reached the address").hasSize(1);
        assertThat(received(TRABAJADORAS)).hasSize(2);
        assertThat(home.run("report", "may-day-2027").out().lines())
                .filteredOn(row -> row.startsWith(KASAMA)).singleElement().asString()
                .contains(",failed,1,0,").endsWith(",bounced: 5.1.1 550 5.1.1 <info@kasama.example>: user unknown");
    }

    /** Runs the service until the bounces route has taken every mail out of the bounce mailbox. */
    private void readTheBounceMailbox() {
        try (App app = App.open(Settings.load(dir)); Pipeline service = Pipeline.create(app, true).start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> bounceMailboxCount() == 0);
        }
    }

    /** The MAIL FROM the SMTP server got with the message to a recipient, as it recorded it in Return-Path. */
    private static String envelopeSenderReceivedBy(String recipient) throws Exception {
        List<MimeMessage> messages = received(recipient);
        assertThat(messages).hasSize(1);
        String returnPath = messages.get(0).getHeader("Return-Path", null);
        assertThat(returnPath).matches("<bounces\\+\\d+-[a-z2-7]{16}@alliance\\.example>");
        return returnPath.substring(1, returnPath.length() - 1);
    }

    private static List<MimeMessage> received(String recipient) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(jakarta.mail.Message.RecipientType.TO))
                        .anyMatch(to -> ((InternetAddress) to).getAddress().equalsIgnoreCase(recipient));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /**
     * Hands a raw mail to the SMTP server for an envelope recipient, bytes untouched. The envelope sender is the
     * mail's From, the reporting server's mailer-daemon: GreenMail refuses the null sender that real DSNs use.
     */
    private static void sendToBounceMailbox(String envelopeRecipient, String raw) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, new Address[] {new InternetAddress(envelopeRecipient)});
        }
    }

    private static int bounceMailboxCount() throws Exception {
        var user = mail.getUserManager().getUserByEmail("bounces@alliance.example");
        return mail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
    }

    private static List<List<String>> suppressions(App app) {
        return app.database().inTransaction(connection -> Sql.list(connection,
                "SELECT email, reason, detail FROM suppressions ORDER BY email",
                row -> List.of(row.getString("email"), row.getString("reason"), row.getString("detail"))));
    }

    private static List<String> delivery(App app, String recipient) {
        return app.database().inTransaction(connection -> Sql.first(connection,
                "SELECT state, soft_bounces, last_reply FROM deliveries WHERE recipient = ?",
                row -> List.of(row.getString("state"), row.getString("soft_bounces"), row.getString("last_reply")),
                recipient)).orElseThrow();
    }

    private void captureLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : List.of("org.broadside", "org.apache.camel")) {
            Logger logger = context.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.INFO);
        }
        log.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(log);
    }

    private List<String> logLines() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
