package org.broadside;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.broadside.testing.Samples;
import org.broadside.testing.TestHome;
import org.broadside.testing.TestHome.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path through the CLI and the real routes: contacts, submit, approve, release to the outbox. */
class ReleaseEndToEndTest {
    @TempDir
    Path dir;
    TestHome home;

    @BeforeEach
    void setUp() {
        home = new TestHome(dir);
        assertThat(home.run("contacts", "import", home.write("members.csv", Samples.CONTACTS).toString(),
                "--list", "members").exitCode()).isZero();
        assertThat(home.run("contacts", "import", home.write("press.csv", Samples.PRESS).toString(),
                "--list", "press").exitCode()).isZero();
    }

    private void submitAndApprove() {
        Result submitted = home.run("submit", home.write("en.md", Samples.english()).toString());
        assertThat(submitted.exitCode()).as(submitted.err()).isZero();
        assertThat(submitted.out().strip()).isEqualTo("may-day-2027");
        assertThat(home.run("submit", home.write("es.md", Samples.spanish()).toString()).exitCode()).isZero();
        Result approved = home.run("approve", "may-day-2027", "--by", "Eni");
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        assertThat(approved.out()).contains("approved may-day-2027 (en) sha256 ", "approved may-day-2027-es (es)");
    }

    @Test
    void releasesOneEmailPerPersonInTheirLanguageAndFormat() throws Exception {
        submitAndApprove();

        Result released = home.run("release", "may-day-2027", "--now", "--wait");

        assertThat(released.exitCode()).as(released.err()).isZero();
        assertThat(released.out()).contains("4 deliveries: 4 sent");
        Path outbox = home.outbox().resolve("may-day-2027");
        assertThat(emlFiles(outbox)).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                "info@kasama.example.eml", "hola@trabajadoras.example.eml", "kontakt@netzwerk.example.eml",
                "desk@wire.example.eml");

        MimeMessage spanish = parse(outbox.resolve("hola@trabajadoras.example.eml"));
        assertThat(spanish.getHeader("Content-Language", null)).isEqualTo("es");
        assertThat(text(spanish)).contains("nuestro trabajo es trabajo");

        MimeMessage german = parse(outbox.resolve("kontakt@netzwerk.example.eml"));
        assertThat(text(german)).as("no German version: the original").contains("our work is work");

        MimeMessage both = parse(outbox.resolve("info@kasama.example.eml"));
        assertThat(text(both)).as("on members and press: one copy, the press format")
                .startsWith("FOR IMMEDIATE RELEASE").contains("###");
        assertThat(both.getHeader("Message-ID", null)).matches("<[0-9a-f]{32}@alliance\\.example>");
        assertThat(both.getHeader("List-Unsubscribe", null))
                .startsWith("<https://news.alliance.example/unsubscribe?token=").contains("<mailto:unsubscribe@");
        assertThat(both.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(both.getFrom()[0].toString()).isEqualTo("International Migrants Alliance <news@alliance.example>");

        JsonNode social = new ObjectMapper().readTree(outbox.resolve("social.json").toFile());
        assertThat(social).hasSize(12);
        for (JsonNode entry : social) {
            entry.get("lengths").forEach(length ->
                    assertThat(length.asInt()).isLessThanOrEqualTo(entry.get("limit").asInt()));
            JsonNode posts = entry.get("posts");
            assertThat(posts.get(posts.size() - 1).asText()).as("a thread's link is in its last post")
                    .contains("https://news.alliance.example/");
        }
    }

    @Test
    void releasingTheSameApprovedContentAgainMailsNobodyTwice() throws Exception {
        submitAndApprove();
        assertThat(home.run("release", "may-day-2027", "--now").exitCode()).isZero();
        Path kasama = home.outbox().resolve("may-day-2027/info@kasama.example.eml");
        byte[] first = Files.readAllBytes(kasama);

        Result again = home.run("release", "may-day-2027", "--now");

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("4 deliveries: 4 sent");
        assertThat(Files.readAllBytes(kasama)).as("not written again").isEqualTo(first);
    }

    @Test
    void aStatementChangedAfterApprovalIsRefusedAndNothingIsSent() {
        submitAndApprove();
        home.write("es.md", Samples.spanish().replace("nuestro trabajo es trabajo", "el trabajo del hogar es trabajo"));
        Result resubmitted = home.run("submit", dir.resolve("es.md").toString());
        assertThat(resubmitted.err()).contains("changed; it needs approval again");

        Result refused = home.run("release", "may-day-2027", "--now");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.errLines()).singleElement().asString()
                .startsWith("not released: 'may-day-2027-es' (es) changed after it was approved by Eni")
                .endsWith("it needs approval again");
        assertThat(home.outbox()).doesNotExist();
        assertThat(home.run("status").out()).contains("may-day-2027 [en, es] needs approval; not released");
    }

    @Test
    void anUnapprovedStatementIsNeverRendered() {
        assertThat(home.run("submit", home.write("en.md", Samples.english()).toString()).exitCode()).isZero();

        Result refused = home.run("release", "may-day-2027", "--now");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("'may-day-2027' (en) is not approved");
        assertThat(home.outbox()).doesNotExist();
    }

    @Test
    void statusCountsPerCountryAndLanguage() {
        submitAndApprove();
        home.run("release", "may-day-2027", "--now");

        Result status = home.run("status", "may-day-2027");

        assertThat(status.out()).contains("4 deliveries: 4 sent", "by country:", "  ES: 1 deliveries: 1 sent",
                "by language:", "  es-ES: 1 deliveries: 1 sent");
    }

    @Test
    void anAddressSuppressedAfterPlanningIsNeverMailedEvenAfterReimport() throws Exception {
        submitAndApprove();
        assertThat(home.run("schedule", "may-day-2027", "--dry-run").exitCode()).isZero();
        assertThat(home.run("schedule", "may-day-2027").exitCode()).as("planned: a ledger row per recipient").isZero();

        assertThat(home.run("contacts", "suppress", "Hola@Trabajadoras.example").out())
                .contains("suppressed hola@trabajadoras.example");
        home.run("contacts", "import", dir.resolve("members.csv").toString(), "--list", "members");
        Result released = home.run("release", "may-day-2027", "--now", "--wait");

        assertThat(released.out()).contains("4 deliveries: 3 sent, 1 suppressed");
        assertThat(home.outbox().resolve("may-day-2027/hola@trabajadoras.example.eml")).doesNotExist();
        assertThat(home.run("report", "may-day-2027").out().lines())
                .filteredOn(row -> row.startsWith("hola@trabajadoras.example,ES,es-ES,member,"))
                .singleElement().asString().contains(",suppressed,0,0,").endsWith(",suppressed: manual");
    }

    @Test
    void theReportHasOneRowPerRecipientWithItsOutcome() {
        submitAndApprove();
        home.run("release", "may-day-2027", "--now");

        List<String> report = home.run("report", "may-day-2027", "--format", "csv").out().lines().toList();

        assertThat(report.get(0)).isEqualTo(
                "email,country,language,format,timezone,state,attempts,soft_bounces,send_at_utc,sent_at_utc,last_reply");
        assertThat(report).hasSize(5);
        assertThat(report.subList(1, 5)).allSatisfy(row -> assertThat(row).contains(",sent,1,0,", ",written "));
        assertThat(report).anyMatch(row -> row.startsWith("desk@wire.example,GB,en,press,Europe/London,sent,1,"));
    }

    static List<Path> emlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".eml")).toList();
        }
    }

    static MimeMessage parse(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    static String text(MimeMessage message) throws Exception {
        Multipart alternative = (Multipart) message.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(alternative.getBodyPart(alternative.getCount() - 1).getContentType())
                .isEqualToIgnoringCase("text/html; charset=UTF-8");
        return (String) alternative.getBodyPart(0).getContent();
    }
}
