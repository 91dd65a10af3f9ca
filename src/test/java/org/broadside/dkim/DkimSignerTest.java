package org.broadside.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.broadside.audience.Contact;
import org.broadside.config.Settings;
import org.broadside.dispatch.OutboxTransport;
import org.broadside.dispatch.OutgoingEmail;
import org.broadside.render.EmailComposer;
import org.broadside.render.EmailRequest;
import org.broadside.render.Format;
import org.broadside.render.MailIdentity;
import org.broadside.render.Templates;
import org.broadside.statement.StatementParser;
import org.broadside.testing.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signer on emails built by the real composer and templates, checked by an independent verifier. */
class DkimSignerTest {
    private static final MailIdentity IDENTITY =
            MailIdentity.parse("International Migrants Alliance <news@alliance.example>", "secretariat@alliance.example");
    private static final Contact RECIPIENT = new Contact("kontakt@netzwerk.example", "kontakt@netzwerk.example", "DE",
            "Migrantinnen-Netzwerk", "Ayşe Yılmaz", "de", null, Set.of("members"));

    private static KeyPair key;
    private static IndependentVerifier verifier;
    private static DkimSigner signer;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateKey() {
        key = TestKeys.rsa(2048);
        verifier = new IndependentVerifier("s1", "alliance.example", TestKeys.dnsRecord(key));
        signer = DkimSigner.signingWith(new DkimSettings("alliance.example", "s1", (RSAPrivateKey) key.getPrivate()),
                Clock.systemUTC());
    }

    @Test
    void theEmailGoesOnAsTheSameMessageObjectWithItsMessageId() throws Exception {
        OutgoingEmail email = composed();
        MimeMessage message = email.message();
        String messageId = message.getMessageID();

        OutgoingEmail signed = signer.sign(email);

        assertThat(signed).isSameAs(email);
        assertThat(signed.message()).isSameAs(message);
        assertThat(message.getClass().getName()).isEqualTo("org.broadside.render.StableIdMessage");
        assertThat(message.getMessageID()).isEqualTo(messageId);
        assertThat(verifier.verify(bytes(message))).hasSize(1);
    }

    @Test
    void theOutboxFileOfASignedEmailVerifies() throws Exception {
        OutgoingEmail email = signer.sign(composed());

        new OutboxTransport(dir).send(email);

        assertThat(verifier.verify(Files.readAllBytes(dir.resolve("may-day-2027/kontakt@netzwerk.example.eml"))))
                .hasSize(1);
    }

    @Test
    void signingAgainReplacesTheSignatureWithOneOverTheFinalMessage() throws Exception {
        OutgoingEmail email = signer.sign(composed());
        email.message().setHeader("Content-Language", "de");

        signer.sign(email);

        assertThat(email.message().getHeader("DKIM-Signature")).hasSize(1);
        assertThat(verifier.verify(bytes(email.message()))).hasSize(1);
    }

    @Test
    void theSignatureSurvivesATransportThatSavesTheMessageAgain() throws Exception {
        // jakarta.mail.Transport.send calls saveChanges(): it must not regenerate anything the signature covers.
        OutgoingEmail email = signer.sign(composed());

        email.message().saveChanges();

        assertThat(verifier.verify(bytes(email.message()))).hasSize(1);
    }

    @Test
    void everyLineOfTheSignatureFitsTheRecommendedLineLength() throws Exception {
        OutgoingEmail email = signer.sign(composed());

        String header = "DKIM-Signature:" + WireMessage.parse(bytes(email.message())).values("DKIM-Signature").get(0);

        assertThat(header.split("\r\n")).hasSizeGreaterThan(4)
                .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(78));
    }

    @Test
    void withoutAKeyEmailsPassThroughUnsigned() throws Exception {
        DkimSigner unconfigured = DkimSigner.from(Settings.load(dir, Map.of(), new Properties()), IDENTITY.from(),
                Clock.systemUTC());
        OutgoingEmail email = composed();

        OutgoingEmail passed = unconfigured.sign(email);

        assertThat(passed).isSameAs(email);
        assertThat(email.message().getHeader("DKIM-Signature")).isNull();
    }

    private static OutgoingEmail composed() {
        var statement = new StatementParser().parse("statement.md", Samples.english().getBytes(StandardCharsets.UTF_8));
        EmailComposer composer = new EmailComposer(new Templates(Path.of("templates")),
                Session.getInstance(new Properties()), IDENTITY);
        EmailRequest request = new EmailRequest(statement, RECIPIENT, Format.MEMBER, Optional.empty(),
                "0f3a9c@alliance.example", "https://news.alliance.example/unsubscribe/tok.sig",
                "mailto:unsubscribe@alliance.example?subject=tok.sig", Instant.now());
        return new OutgoingEmail(1, statement.id(), RECIPIENT.address(), composer.compose(request));
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
