package org.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.broadside.render.SampleStatements.TITLE;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.broadside.audience.Contact;
import org.broadside.statement.Kind;
import org.broadside.statement.Statement;
import org.junit.jupiter.api.Test;

class EmailComposerTest {
    private static final Instant SENT = Instant.parse("2026-12-18T01:00:00Z");
    private static final String MESSAGE_ID = "md2026.en.7f3a9c@broadside.example";
    private static final String UNSUBSCRIBE_URL = "https://broadside.example/u/eyJjIjoia2FzYXBpIn0.sig";
    private static final String UNSUBSCRIBE_MAILTO = "mailto:unsubscribe@broadside.example?subject=eyJjIjoia2FzYXBpIn0.sig";
    private static final ZonedDateTime NINE_IN_HONG_KONG =
            SampleStatements.MIGRANTS_DAY.atTime(9, 0).atZone(ZoneId.of("Asia/Hong_Kong"));

    private final Session session = Session.getInstance(new Properties());
    private final EmailComposer composer = new EmailComposer(new Templates(Path.of("templates")), session,
            MailIdentity.parse("IMA Media Desk <news@migrants-alliance.example>", "press@migrants-alliance.example"));

    @Test
    void memberEmailIsMultipartAlternativeWithUtf8TextFirstAndHtmlLast() throws Exception {
        Sent email = send(memberRequest(SampleStatements.english()));

        assertThat(email.message.getContentType()).startsWith("multipart/alternative");
        assertThat(email.part(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(email.part(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
    }

    @Test
    void headersSurviveTheWireExactly() throws Exception {
        Sent email = send(memberRequest(SampleStatements.english()));
        MimeMessage message = email.message;

        assertThat(message.getSubject()).isEqualTo(TITLE);
        assertThat(email.header("Subject")).startsWith("=?UTF-8?");
        assertThat(message.getHeader("Message-ID")).containsExactly("<" + MESSAGE_ID + ">");
        assertThat(message.getSentDate().toInstant()).isEqualTo(SENT);
        assertThat(message.getFrom()).containsExactly(
                new InternetAddress("IMA Media Desk <news@migrants-alliance.example>"));
        assertThat(message.getReplyTo()).containsExactly(new InternetAddress("press@migrants-alliance.example"));
        assertThat(message.getHeader("Content-Language")).containsExactly("en");
        assertThat(MimeUtility.unfold(email.header("List-Unsubscribe")))
                .isEqualTo("<" + UNSUBSCRIBE_URL + ">, <" + UNSUBSCRIBE_MAILTO + ">");
        assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(email.headerBlock()).as("headers on the wire are ASCII, non-ASCII is RFC 2047 encoded")
                .matches("\\p{ASCII}*");
    }

    @Test
    void toCarriesTheNonAsciiDisplayNameEncoded() throws Exception {
        Sent email = send(memberRequest(SampleStatements.english()));

        InternetAddress to = (InternetAddress) email.message.getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo("kasapi@members.example");
        assertThat(to.getPersonal()).isEqualTo("Señora Ñuñez-Çelik");
        assertThat(email.header("To")).contains("=?UTF-8?").doesNotContain("Ñ");
    }

    @Test
    void memberEmailGreetsTheOrganizationAndCarriesTheWholeStatement() throws Exception {
        Sent email = send(memberRequest(SampleStatements.english()));
        String html = email.html();
        String text = email.text();

        assertThat(html).contains("<html lang=\"en\" dir=\"ltr\">", "Dear Asosasyon ng mga Kasambahay,",
                "18 December 2026", "on International Migrants Day, migrants demand", SampleStatements.SUBTITLE,
                "<li>march from the border in Tijuana;</li>", "href=\"tel:+85251234567\"",
                "href=\"mailto:media@migrants-alliance.example\"", "href=\"https://migrants-alliance.example/md2026\"",
                "Read the full statement", "href=\"" + UNSUBSCRIBE_URL + "\"");
        assertThat(text).contains("Dear Asosasyon ng mga Kasambahay,", TITLE, "18 December 2026",
                "- hold assemblies in Hong Kong, Taipei and Seoul;",
                "full demands <https://migrants-alliance.example/demands-2026>",
                "“orderly migration”", "No\u00a0one is illegal.",
                "Reference: Marisol Q. Abad, spokesperson, +852\u00a05123\u00a04567, media@migrants-alliance.example",
                "Unsubscribe: " + UNSUBSCRIBE_URL);
        assertThat(text).doesNotContain("FOR IMMEDIATE RELEASE", "###");
    }

    @Test
    void aRecipientWithoutAGreetingNameGetsTheGenericGreeting() throws Exception {
        Contact anonymous = new Contact("info@members.example", "info@members.example", "PH", null, null, "en",
                null, Set.of("members"));
        Sent email = send(request(SampleStatements.english(), anonymous, Format.MEMBER, Optional.empty()));

        assertThat(email.text()).startsWith("Dear friends,");
        assertThat(email.html()).contains("Dear friends,");
        assertThat(email.message.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("info@members.example");
    }

    @Test
    void theDatelineIsWrittenInTheVersionsLanguage() throws Exception {
        Sent email = send(memberRequest(SampleStatements.spanish()));

        assertThat(email.html()).contains("18 de diciembre de 2026", "<html lang=\"es\" dir=\"ltr\">");
        assertThat(email.message.getHeader("Content-Language")).containsExactly("es");
    }

    @Test
    void anArabicVersionRunsRightToLeft() throws Exception {
        Sent email = send(memberRequest(SampleStatements.arabic()));

        assertThat(email.html()).contains("<html lang=\"ar\" dir=\"rtl\">", "dir=\"rtl\" style=\"max-width:640px;");
        assertThat(email.message.getSubject()).isEqualTo(SampleStatements.arabic().title());
    }

    @Test
    void markupInTheTitleAndBodyIsEscapedNotExecuted() throws Exception {
        Statement hostile = SampleStatements.statement("hostile", "<script>alert('title')</script> Migrants Day", null,
                Kind.STATEMENT, "en", null, "Solidarity <script>alert('body')</script> and <b>bold</b>.\n\n"
                        + "[click](javascript:alert(1))");
        Sent email = send(memberRequest(hostile));

        assertThat(email.html()).doesNotContain("<script>", "<b>", "javascript:")
                .contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Migrants Day",
                        "&lt;script&gt;alert('body')&lt;/script&gt;", "&lt;b&gt;bold&lt;/b&gt;");
        assertThat(email.message.getSubject()).isEqualTo("<script>alert('title')</script> Migrants Day");
    }

    @Test
    void templateSyntaxInAStatementAppearsLiterallyInEveryOutput() throws Exception {
        Statement tricky = SampleStatements.statement("tricky", "Wages up ${7*7}% <#assign x=1>",
                "Subtitle ${7*7} <#assign y=2>", Kind.PRESS_RELEASE, "en", null,
                "Body says ${7*7} and <#assign z=3> and [=7+7] and <@macro/>.");
        for (Format format : Format.values()) {
            Sent email = send(request(tricky, SampleStatements.member("en"), format, Optional.empty()));

            assertThat(email.message.getSubject()).isEqualTo("Wages up ${7*7}% <#assign x=1>");
            assertThat(email.text()).contains("Wages up ${7*7}% <#assign x=1>", "Subtitle ${7*7} <#assign y=2>",
                    "Body says ${7*7} and <#assign z=3> and [=7+7] and <@macro/>.").doesNotContain("49");
            assertThat(email.html()).contains("Wages up ${7*7}% &lt;#assign x=1&gt;",
                    "Subtitle ${7*7} &lt;#assign y=2&gt;",
                    "Body says ${7*7} and &lt;#assign z=3&gt; and [=7+7] and &lt;@macro/&gt;.").doesNotContain("49");
        }
    }

    @Test
    void pressEmailWithoutEmbargoIsForImmediateRelease() throws Exception {
        Sent email = send(request(SampleStatements.pressRelease(), SampleStatements.journalist(), Format.PRESS,
                Optional.empty()));

        assertThat(email.message.getSubject()).isEqualTo(TITLE);
        assertThat(email.text()).startsWith("FOR IMMEDIATE RELEASE\n\n" + TITLE + "\n" + SampleStatements.SUBTITLE)
                .contains("For reference: Marisol Q. Abad, spokesperson", "\n###\n")
                .doesNotContain("Dear");
        assertThat(email.html()).contains("FOR IMMEDIATE RELEASE", "<strong>For reference:</strong>", ">###</p>");
    }

    @Test
    void embargoedPressEmailNamesTheEndOfTheEmbargoInTheRecipientsZone() throws Exception {
        Sent email = send(request(SampleStatements.pressRelease(), SampleStatements.journalist(), Format.PRESS,
                Optional.of(NINE_IN_HONG_KONG)));

        assertThat(email.message.getSubject()).isEqualTo("EMBARGOED: " + TITLE);
        assertThat(email.text()).startsWith("EMBARGOED UNTIL 18 December 2026, 09:00 HKT (UTC+08:00)\n")
                .doesNotContain("FOR IMMEDIATE RELEASE");
        assertThat(email.html()).contains("EMBARGOED UNTIL 18 December 2026, 09:00 HKT (UTC+08:00)");
    }

    @Test
    void theSameEmbargoReadsInAMadridJournalistsOwnZone() throws Exception {
        ZonedDateTime inMadrid = NINE_IN_HONG_KONG.withZoneSameInstant(ZoneId.of("Europe/Madrid"));
        Sent email = send(request(SampleStatements.pressRelease(), SampleStatements.journalist(), Format.PRESS,
                Optional.of(inMadrid)));

        assertThat(email.text()).startsWith("EMBARGOED UNTIL 18 December 2026, 02:00 CET (UTC+01:00)\n");
    }

    @Test
    void memberCopyOfAPressReleaseAlsoCarriesTheHeaderLineAndEndMark() throws Exception {
        Sent email = send(memberRequest(SampleStatements.pressRelease()));

        assertThat(email.text()).contains("FOR IMMEDIATE RELEASE", "\n###\n");
        assertThat(email.message.getSubject()).isEqualTo(TITLE);
    }

    @Test
    void aLineBreakInATitleNeverReachesTheSubjectHeader() {
        Statement smuggling = SampleStatements.statement("smuggling", "Migrants Day\r\nBcc: everyone@example.org",
                null, Kind.STATEMENT, "en", null, "Body.");

        assertThatThrownBy(() -> composer.compose(memberRequest(smuggling)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Subject");
    }

    @Test
    void aLineBreakInADisplayNameNeverReachesTheToHeader() {
        Contact smuggling = new Contact("a@members.example", "a@members.example", "HK", null,
                "Organizer\nBcc: everyone@example.org", "en", null, Set.of("members"));

        assertThatThrownBy(() -> composer.compose(request(SampleStatements.english(), smuggling, Format.MEMBER,
                Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("To");
    }

    @Test
    void aLineBreakInAnUnsubscribeUrlOrMessageIdIsRejected() {
        EmailRequest good = memberRequest(SampleStatements.english());
        EmailRequest badUrl = new EmailRequest(good.version(), good.recipient(), good.format(), good.embargoUntil(),
                good.messageId(), UNSUBSCRIBE_URL + "\r\nBcc: x@example.org", good.unsubscribeMailto(), good.date());
        EmailRequest badId = new EmailRequest(good.version(), good.recipient(), good.format(), good.embargoUntil(),
                "id@example.org\nBcc: x@example.org", good.unsubscribeUrl(), good.unsubscribeMailto(), good.date());

        assertThatThrownBy(() -> composer.compose(badUrl)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("List-Unsubscribe");
        assertThatThrownBy(() -> composer.compose(badId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Message-ID");
    }

    private EmailRequest memberRequest(Statement version) {
        return request(version, SampleStatements.member(version.language()), Format.MEMBER, Optional.empty());
    }

    private static EmailRequest request(Statement version, Contact recipient, Format format,
            Optional<ZonedDateTime> embargoUntil) {
        return new EmailRequest(version, recipient, format, embargoUntil, MESSAGE_ID, UNSUBSCRIBE_URL,
                UNSUBSCRIBE_MAILTO, SENT);
    }

    /** Composes, writes the bytes a transport would send, and parses them back as a receiving client would. */
    private Sent send(EmailRequest request) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        composer.compose(request).writeTo(bytes);
        String raw = bytes.toString(StandardCharsets.US_ASCII);
        return new Sent(raw, new MimeMessage(session, new ByteArrayInputStream(bytes.toByteArray())));
    }

    private record Sent(String raw, MimeMessage message) {
        BodyPart part(int index) throws Exception {
            return ((MimeMultipart) message.getContent()).getBodyPart(index);
        }

        String text() throws Exception {
            return ((String) part(0).getContent()).replace("\r\n", "\n");
        }

        String html() throws Exception {
            return ((String) part(1).getContent()).replace("\r\n", "\n");
        }

        String headerBlock() {
            return raw.substring(0, raw.indexOf("\r\n\r\n"));
        }

        /** The header as written on the wire, still encoded. */
        String header(String name) throws Exception {
            return message.getHeader(name, null);
        }
    }
}
