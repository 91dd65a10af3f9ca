package org.broadside.dispatch;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.broadside.App;
import org.broadside.config.Settings;
import org.broadside.testing.Samples;
import org.broadside.testing.ScriptedSmtpServer;
import org.broadside.testing.ScriptedSmtpServer.Receipt;
import org.broadside.testing.ServiceJvm;
import org.broadside.testing.ServiceJvms;
import org.broadside.testing.TestHome;
import org.broadside.testing.TestHome.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service is killed with SIGKILL in the middle of a 5,000-recipient release and started again on the same
 * home. Counted at the SMTP server: nobody is missing, and only messages in flight at the kill (at most one per
 * connection) arrive twice, under the Message-ID of the first copy. The ledger ends with every delivery sent.
 */
class CrashRecoveryTest {
    private static final String MEMBERS = Samples.members(4_700);
    private static final String PRESS = Samples.press(300);
    private static final int RECIPIENTS = 5_000;
    /** A good part of the release, far enough from either end that the kill lands in the middle of it. */
    private static final int KILL_AFTER_ACCEPTED = 1_500;

    @RegisterExtension
    final ServiceJvms services = new ServiceJvms();

    @TempDir
    Path dir;

    @Test
    void aServiceKilledMidReleaseFinishesAfterRestartMailingTwiceOnlyWhatWasInFlight() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of())) {
            TestHome home = new TestHome(dir)
                    .set("broadside.transport", "smtp")
                    .set("broadside.smtp.host", "127.0.0.1")
                    .set("broadside.smtp.port", Integer.toString(smtp.port()));
            importContacts(home);
            submitAndApprove(home);
            String releaseId = openReleaseForTheService();

            ServiceJvm first = services.run(dir);
            await("the first " + KILL_AFTER_ACCEPTED + " messages").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(10)).until(smtp::accepted, n -> n >= KILL_AFTER_ACCEPTED);
            first.kill();
            assertThat(smtp.accepted()).as("messages accepted when the service was killed").isLessThan(RECIPIENTS);

            services.run(dir);
            // Watching the server is free; asking the ledger opens the database, so it waits for the server first.
            await("the restarted service mailing the rest").atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(200)).until(smtp::accepted, n -> n >= RECIPIENTS);
            await("the release done").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> home.run("status", releaseId).out().contains(": done,"));

            List<Receipt> receipts = smtp.receipts();
            Map<String, Set<String>> messageIds = receipts.stream()
                    .collect(groupingBy(Receipt::recipient, mapping(Receipt::messageId, toSet())));
            assertThat(difference(everyone(), messageIds.keySet())).as("recipients never mailed").isEmpty();
            assertThat(difference(messageIds.keySet(), everyone())).as("mailed but not a recipient").isEmpty();
            assertThat(receipts.size() - RECIPIENTS).as("messages received twice")
                    .isLessThanOrEqualTo(connections());
            assertThat(messageIds).as("a copy sent again carries the Message-ID of the first")
                    .allSatisfy((recipient, ids) -> assertThat(ids).as(recipient).hasSize(1).doesNotContainNull());
            assertThat(ledgerStates(home, releaseId)).as("deliveries per state in the ledger")
                    .isEqualTo(Map.of("sent", (long) RECIPIENTS));
        }
    }

    private static void importContacts(TestHome home) {
        Result members = home.run("contacts", "import", home.write("members.csv", MEMBERS).toString(),
                "--list", "members");
        assertThat(members.exitCode()).as(members.err()).isZero();
        Result press = home.run("contacts", "import", home.write("press.csv", PRESS).toString(), "--list", "press");
        assertThat(press.exitCode()).as(press.err()).isZero();
    }

    private static void submitAndApprove(TestHome home) {
        assertThat(home.run("submit", home.write("en.md", Samples.english()).toString()).exitCode()).isZero();
        assertThat(home.run("submit", home.write("es.md", Samples.spanish()).toString()).exitCode()).isZero();
        Result approved = home.run("approve", "may-day-2027", "--by", "Eni");
        assertThat(approved.exitCode()).as(approved.err()).isZero();
    }

    /**
     * Opens the release for everyone now, as {@code release --now} does, but without sending from this JVM: the
     * service takes up a release in progress as it starts, so the child JVM is the only sender and the one killed.
     */
    private String openReleaseForTheService() {
        try (App app = App.open(Settings.load(dir))) {
            return app.releaseControl().releaseNow("may-day-2027").id();
        }
    }

    /**
     * The SMTP connections the service sends over at once, each with at most one message in flight: the most
     * messages that can have been accepted by the server but not yet recorded as sent when the service died.
     */
    private int connections() {
        return Settings.load(dir).integer("broadside.smtp.connections");
    }

    private static Set<String> everyone() {
        Set<String> everyone = new HashSet<>();
        Stream.of(MEMBERS, PRESS).forEach(csv -> csv.lines().skip(1)
                .forEach(row -> everyone.add(row.substring(0, row.indexOf(',')))));
        assertThat(everyone).hasSize(RECIPIENTS);
        return everyone;
    }

    /** The number of deliveries per state, from the report an operator prints. */
    private static Map<String, Long> ledgerStates(TestHome home, String releaseId) {
        Result report = home.run("report", releaseId, "--format", "csv");
        assertThat(report.exitCode()).as(report.err()).isZero();
        List<String> rows = report.out().lines().toList();
        int state = List.of(rows.get(0).split(",")).indexOf("state");
        return rows.stream().skip(1).collect(groupingBy(row -> row.split(",")[state], counting()));
    }

    private static Set<String> difference(Set<String> of, Set<String> minus) {
        Set<String> difference = new HashSet<>(of);
        difference.removeAll(minus);
        return difference;
    }
}
