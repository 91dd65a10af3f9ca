package org.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.broadside.audience.Contact;
import org.broadside.statement.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The skeleton path of {@link EmailComposer#compose} against rendering each recipient's email on its own. */
class EmailSkeletonsTest {
    private static final Instant SENT = Instant.parse("2026-12-18T01:00:00Z");
    private static final MailIdentity IDENTITY =
            MailIdentity.parse("IMA Media Desk <news@migrants-alliance.example>", "press@migrants-alliance.example");
    private static final ZonedDateTime NINE_IN_HONG_KONG =
            SampleStatements.MIGRANTS_DAY.atTime(9, 0).atZone(ZoneId.of("Asia/Hong_Kong"));
    /**
     * No embargo, and one lifting at the same instant printed in zones that recipients of one group are spread over
     * (the embargo time is spliced per recipient): a half-hour offset, a zone on the previous day.
     */
    private static final List<Optional<ZonedDateTime>> EMBARGOES = List.of(Optional.empty(),
            Optional.of(NINE_IN_HONG_KONG),
            Optional.of(NINE_IN_HONG_KONG.withZoneSameInstant(ZoneId.of("Asia/Kolkata"))),
            Optional.of(NINE_IN_HONG_KONG.withZoneSameInstant(ZoneId.of("America/Los_Angeles"))),
            Optional.of(NINE_IN_HONG_KONG.withZoneSameInstant(ZoneId.of("Europe/Madrid"))));

    private final Session session = Session.getInstance(new Properties());

    @TempDir
    Path directory;

    @Test
    void everyRecipientGetsWhatRenderingTheirEmailAloneGives() throws Exception {
        EmailComposer composer = new EmailComposer(new Templates(Path.of("templates")), session, IDENTITY);
        List<Statement> versions = List.of(SampleStatements.english(), SampleStatements.spanish(),
                SampleStatements.arabic(), chinese(), SampleStatements.pressRelease());
        int compared = 0;
        for (Statement version : versions) {
            for (Format format : Format.values()) {
                for (Optional<ZonedDateTime> embargo : EMBARGOES) {
                    for (Contact recipient : recipients(version.language())) {
                        for (String url : unsubscribeUrls(recipient)) {
                            assertSameAsRenderedAlone(composer, request(version, recipient, format, embargo, url));
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(5 * 2 * EMBARGOES.size() * 8 * 2);
    }

    @Test
    void theShippedTemplatesUseTheSkeletons() throws IOException {
        for (String name : List.of("member.txt.ftl", "member.html.ftlh", "press.txt.ftl", "press.html.ftlh")) {
            assertThat(SkeletonEligibility.allows(Files.readString(Path.of("templates/email", name)),
                    EmailModel.RECIPIENT_VARIABLES)).as(name).isTrue();
        }
        EmailSkeletons skeletons = new EmailSkeletons(new Templates(Path.of("templates")),
                request -> EmailModel.of(request, MarkdownBody.parse(request.version().body()), ShareKit.NONE));
        for (Format format : Format.values()) {
            for (Contact recipient : recipients("en")) {
                for (Optional<ZonedDateTime> embargo : EMBARGOES) {
                    EmailRequest request = request(SampleStatements.pressRelease(), recipient, format, embargo,
                            "https://broadside.example/u/1");
                    assertThat(skeletons.encode(request, "email/" + format.key()))
                            .as(format + " " + recipient + " " + embargo).isPresent();
                }
            }
        }
    }

    @Test
    void onlyPlainInterpolationsAndExistenceTestsOfPerRecipientVariablesAreEligible() {
        for (String eligible : List.of(
                "<#if greetingName??>Dear ${greetingName}</#if> ${recipientEmail} <a href=\"${unsubscribeUrl}\">",
                "<#-- recipientEmail is printed below, greetingName?upper_case is not -->${recipientEmail}",
                "<#if greetingName?? && title?has_content>${greetingName}</#if>${unsubscribeUrl}",
                "<#list xs?filter(x -> x?has_content) as x>${x}</#list><#if (n > 1)>${recipientEmail}</#if>")) {
            assertThat(SkeletonEligibility.allows(eligible, EmailModel.RECIPIENT_VARIABLES)).as(eligible).isTrue();
        }
        for (String ineligible : List.of(
                "${greetingName?upper_case}",
                "<#if recipientEmail?contains(\"x\")>x</#if>",
                "${recipientEmail!}",
                "${ recipientEmail }",
                "<#assign e = \"${recipientEmail}\">${e?length}",
                "${\"<#--\"}${recipientEmail?length}${\"-->\"}",
                "<#assign e>${recipientEmail}</#assign>${e?contains(\"q\")?c}",
                "<@html_escape>${recipientEmail}</@html_escape>",
                "<#compress>${greetingName}</#compress>",
                "<#list names as recipientEmail>${recipientEmail}</#list>",
                "<#if contact.greetingName??>${recipientEmail}</#if>",
                "${.vars[\"recipient\" + \"Email\"]}",
                "<#noautoesc>${recipientEmail}</#noautoesc>",
                "<#outputFormat \"plainText\">${recipientEmail}</#outputFormat>",
                "${'x'?eval}",
                "recipientEmail in the text",
                "#{recipientEmail}")) {
            assertThat(SkeletonEligibility.allows(ineligible, EmailModel.RECIPIENT_VARIABLES)).as(ineligible).isFalse();
        }
    }

    @Test
    void anIneligibleTemplateIsStillRenderedPerRecipient() throws Exception {
        writeTemplates("<#if recipientEmail?contains(\"q\")>Q </#if>${greetingName!\"friends\"?upper_case}\n",
                "<p>${(greetingName!\"x\")?upper_case} &amp; ${recipientEmail?length}</p>");
        EmailComposer composer = new EmailComposer(new Templates(directory), session, IDENTITY);

        for (Contact recipient : recipients("en")) {
            assertSameAsRenderedAlone(composer, request(SampleStatements.english(), recipient, Format.MEMBER,
                    Optional.empty(), "https://broadside.example/u/1"));
        }
    }

    @Test
    void anOptionalGreetingGetsBothShapesRight() throws Exception {
        writeTemplates("<#if greetingName??>Dear ${greetingName}<#else>Dear friends</#if>, ${recipientEmail}\n",
                "<p><#if greetingName??>Dear ${greetingName}<#else>Dear friends</#if></p><a href=\"${unsubscribeUrl}\">");
        EmailComposer composer = new EmailComposer(new Templates(directory), session, IDENTITY);

        Sent greeted = send(composer, request(SampleStatements.english(), contact("a@x.example", "Ünión & \"Co\" <1>", null),
                Format.MEMBER, Optional.empty(), "https://broadside.example/u/a&b"));
        Sent generic = send(composer, request(SampleStatements.english(), contact("b@x.example", null, null),
                Format.MEMBER, Optional.empty(), "https://broadside.example/u/b"));

        assertThat(greeted.text()).isEqualTo("Dear Ünión & \"Co\" <1>, a@x.example\r\n");
        assertThat(greeted.html()).isEqualTo(
                "<p>Dear Ünión &amp; &quot;Co&quot; &lt;1&gt;</p><a href=\"https://broadside.example/u/a&amp;b\">");
        assertThat(generic.text()).isEqualTo("Dear friends, b@x.example\r\n");
        assertThat(generic.html()).isEqualTo("<p>Dear friends</p><a href=\"https://broadside.example/u/b\">");
    }

    @Test
    void aTemplateEditedOnDiskIsPickedUp() throws Exception {
        Path text = writeTemplates("Hello ${recipientEmail}\n", "<p>Hello ${recipientEmail}</p>");
        EmailComposer composer = new EmailComposer(new Templates(directory, Duration.ZERO), session, IDENTITY);
        EmailRequest request = request(SampleStatements.english(), contact("a@x.example", null, null), Format.MEMBER,
                Optional.empty(), "https://broadside.example/u/a");
        assertThat(send(composer, request).text()).isEqualTo("Hello a@x.example\r\n");

        Files.writeString(text, "Goodbye ${recipientEmail}\n");
        Files.setLastModifiedTime(text, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(send(composer, request).text()).isEqualTo("Goodbye a@x.example\r\n");
        assertSameAsRenderedAlone(composer, request);
    }

    /** The composed email, as a client reads it, has the texts and the headers of the email rendered alone. */
    private void assertSameAsRenderedAlone(EmailComposer composer, EmailRequest request) throws Exception {
        Sent sent = send(composer, request);
        RenderedEmail alone = composer.render(request);
        String description = request.version().language() + " " + request.format() + " "
                + request.recipient().address() + " " + request.unsubscribeUrl();
        assertThat(sent.text()).as(description).isEqualTo(crlf(alone.text()));
        assertThat(sent.html()).as(description).isEqualTo(crlf(alone.html()));
        assertThat(sent.raw().replace("\r\n", "")).as("CRLF only").doesNotContain("\r").doesNotContain("\n");
        for (int i = 0; i < 2; i++) {
            MimeBodyPart part = sent.part(i);
            String raw = new String(part.getRawInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int limit = part.getEncoding().equals("7bit") ? 998 : 76;
            for (String line : raw.split("\r\n")) {
                assertThat(line.length()).as(description + " encoded line").isLessThanOrEqualTo(limit);
                assertThat(line.chars()).as("7-bit wire").allMatch(c -> c < 128);
            }
        }
        MimeMessage reference = referenceMessage(request, alone);
        for (String header : List.of("Date", "From", "Reply-To", "To", "Message-ID", "Subject", "MIME-Version",
                "Content-Language", "List-Unsubscribe", "List-Unsubscribe-Post")) {
            assertThat(sent.message().getHeader(header, null)).as(description + " " + header)
                    .isEqualTo(reference.getHeader(header, null));
        }
        assertThat(sent.headerNames()).isEqualTo(headerNames(reference));
    }

    /** The message as compose built it before skeletons: setters, a MimeMultipart, saveChanges. */
    private MimeMessage referenceMessage(EmailRequest request, RenderedEmail email) throws Exception {
        MimeMessage message = new StableIdMessage(session, request.messageId());
        Contact recipient = request.recipient();
        message.setFrom(IDENTITY.from());
        message.setReplyTo(new Address[] {IDENTITY.replyTo()});
        message.setRecipient(Message.RecipientType.TO, recipient.displayName() == null
                ? new InternetAddress(recipient.address())
                : new InternetAddress(recipient.address(), recipient.displayName(), "UTF-8"));
        message.setSubject(email.subject(), "UTF-8");
        message.setSentDate(Date.from(request.date()));
        message.setHeader("Content-Language", request.version().language());
        message.setHeader("List-Unsubscribe", MimeUtility.fold("List-Unsubscribe: ".length(),
                "<" + request.unsubscribeUrl() + ">, <" + request.unsubscribeMailto() + ">"));
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(EncodedTextParts.part(email.text(), "plain"));
        alternatives.addBodyPart(EncodedTextParts.part(email.html(), "html"));
        message.setContent(alternatives);
        message.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return new MimeMessage(session, new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static List<String> headerNames(MimeMessage message) throws Exception {
        List<String> names = new ArrayList<>();
        for (jakarta.mail.Header header : Collections.list(message.getAllHeaders())) {
            names.add(header.getName());
        }
        return names;
    }

    private static List<Contact> recipients(String language) {
        return List.of(
                contact("kasapi@members.example", "Asosasyon ng mga Kasambahay", "Señora Ñuñez-Çelik"),
                contact("plain@members.example", null, null),
                contact("person@members.example", null, "Zoë O'Brien"),
                contact("o'neil&co@members.example", "Smith & Sons \"Quoted\" <Org>", null),
                contact("desk@newsroom.example", "   ", "José"),
                contact("ar@members.example", "جمعية العمال المهاجرين", "أحمد"),
                contact("zh@members.example", "移工聯盟", null),
                contact("long@members.example", "Org " + "x".repeat(120) + " é", "Name"));
    }

    private static List<String> unsubscribeUrls(Contact recipient) {
        return List.of("https://broadside.example/u/eyJjIjoia2FzYXBpIn0.sig",
                "https://broadside.example/u/" + "eyJjIjoia2FzYXBpIn0".repeat(12) + ".sig?a=1&b='2'");
    }

    private static Contact contact(String email, String organization, String contactName) {
        return new Contact(email, email, "HK", organization, contactName, "en", "Asia/Hong_Kong", Set.of("members"));
    }

    private static Statement chinese() {
        return SampleStatements.translation("zh-Hant", "國際移民日：權利，不是突襲",
                "在國際移民日，聯盟向家務工和農業工人致敬。移工權益就是人權。");
    }

    private static EmailRequest request(Statement version, Contact recipient, Format format,
            Optional<ZonedDateTime> embargo, String unsubscribeUrl) {
        return new EmailRequest(version, recipient, format, embargo, "md2026.7f3a9c@broadside.example", unsubscribeUrl,
                "mailto:unsubscribe@broadside.example?subject=x", SENT);
    }

    private Path writeTemplates(String text, String html) throws IOException {
        Path email = Files.createDirectories(directory.resolve("email"));
        Files.writeString(email.resolve("member.html.ftlh"), html);
        return Files.writeString(email.resolve("member.txt.ftl"), text);
    }

    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private Sent send(EmailComposer composer, EmailRequest request) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        composer.compose(request).writeTo(bytes);
        return new Sent(bytes.toString(StandardCharsets.ISO_8859_1),
                new MimeMessage(session, new ByteArrayInputStream(bytes.toByteArray())));
    }

    private record Sent(String raw, MimeMessage message) {
        MimeBodyPart part(int index) throws Exception {
            return (MimeBodyPart) ((MimeMultipart) message.getContent()).getBodyPart(index);
        }

        String text() throws Exception {
            return (String) part(0).getContent();
        }

        String html() throws Exception {
            return (String) part(1).getContent();
        }

        List<String> headerNames() throws Exception {
            return EmailSkeletonsTest.headerNames(message);
        }
    }
}
