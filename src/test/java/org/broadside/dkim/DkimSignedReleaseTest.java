package org.broadside.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.broadside.testing.Samples;
import org.broadside.testing.TestHome;
import org.broadside.testing.TestHome.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release with a DKIM key configured, sent through the real routes to a real SMTP server, and every message the
 * server received checked by an independent verifier (Apache James jDKIM) against the published public key.
 */
class DkimSignedReleaseTest {
    private static final String SELECTOR = "news2026";
    private static final String DOMAIN = "alliance.example";
    private static final String TITLE = "Migrants Day: “Rights, not walls” · Derechos, no muros · 权利，不是围墙 · حقوق لا جدران";
    /** Several scripts in subject and body, so that the signed bytes are RFC 2047 words, quoted-printable, UTF-8. */
    private static final String MULTILINGUAL = """
            ---
            id: migrants-day-2026
            title: '%s'
            subtitle: Grassroots migrant organizations speak in their own languages
            language: en
            date: 2026-12-18
            release: 2026-12-18T09:00
            release_zone: Asia/Manila
            audiences: [members, press]
            ---
            Migrant workers keep the world running. We demand rights, not walls.

            Español: las trabajadoras migrantes sostienen el mundo. ¡Derechos, no muros!

            中文：移工撐起了世界。我們要權利，不要圍牆。

            العربية: العمال المهاجرون يُبقون العالم يعمل. نريد حقوقًا لا جدرانًا.

            Ελληνικά: Οι μετανάστριες εργάτριες κρατούν τον κόσμο όρθιο.

            हिन्दी: प्रवासी मज़दूर दुनिया चलाते हैं।
            """.formatted(TITLE);

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
            .dynamicPort()).withPerMethodLifecycle(false);

    private static KeyPair key;
    private static IndependentVerifier verifier;
    private static List<byte[]> received;

    @TempDir
    Path dir;

    @BeforeAll
    static void releaseSignedToTheSmtpServer(@TempDir Path home) throws Exception {
        key = TestKeys.rsa(2048);
        verifier = new IndependentVerifier(SELECTOR, DOMAIN, TestKeys.dnsRecord(key));
        TestHome signed = signingHome(home)
                .set("broadside.transport", "smtp")
                .set("broadside.smtp.host", "127.0.0.1")
                .set("broadside.smtp.port", String.valueOf(smtp.getSmtp().getPort()));

        Result released = release(signed);

        assertThat(released.exitCode()).as(released.err()).isZero();
        received = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            received.add(rawBytes(message));
        }
        assertThat(received).hasSize(4);
    }

    @Test
    void everyEmailTheServerReceivedVerifiesAgainstTheDomainsPublishedKey() throws Exception {
        for (byte[] raw : received) {
            List<SignatureRecord> signatures = verifier.verify(raw);

            assertThat(signatures).singleElement().satisfies(signature -> {
                assertThat(signature.getDToken().toString()).isEqualTo(DOMAIN);
                assertThat(signature.getSelector().toString()).isEqualTo(SELECTOR);
                assertThat(signature.getHashKeyType() + "-" + signature.getHashMethod()).isEqualTo("rsa-sha256");
                assertThat(signature.getHeaderCanonicalisationMethod()).isEqualTo("relaxed");
                assertThat(signature.getBodyCanonicalisationMethod()).isEqualTo("relaxed");
                assertThat(signature.getBodyHashLimit()).as("no l=: the whole body is signed").isEqualTo(-1);
                assertThat(signature.getHeaders().stream().map(name -> name.toString().toLowerCase(Locale.ROOT)))
                        .contains("from", "to", "subject", "date", "message-id", "mime-version", "content-type",
                                "list-unsubscribe", "list-unsubscribe-post", "reply-to");
            });
        }
    }

    @Test
    void theSignedEmailsCarryTheNonAsciiSubjectAndBodyIntact() throws Exception {
        for (byte[] raw : received) {
            MimeMessage message = new MimeMessage(null, new ByteArrayInputStream(raw));

            assertThat(message.getSubject()).isEqualTo(TITLE);
            assertThat((String) ((Multipart) message.getContent()).getBodyPart(0).getContent())
                    .contains("¡Derechos, no muros!", "我們要權利，不要圍牆", "نريد حقوقًا لا جدرانًا", "κόσμο όρθιο",
                            "दुनिया चलाते हैं");
            assertThat(message.getMessageID()).as("our stable Message-ID survived signing")
                    .matches("<[0-9a-f]{32}@mail\\.alliance\\.example>");
        }
    }

    @Test
    void aChangedListUnsubscribeFailsVerification() {
        byte[] tampered = replaceInHeaders(received.get(0), "mailto:unsubscribe@alliance.example",
                "mailto:unsubscribe@elsewhere.example");

        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(FailException.class);
    }

    @Test
    void aSecondListUnsubscribeAddedOnTheWayFailsVerification() {
        byte[] tampered = concat("List-Unsubscribe: <https://elsewhere.example/u>\r\n", received.get(0));

        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(FailException.class);
    }

    @Test
    void aChangedBodyFailsVerification() {
        String raw = new String(received.get(0), StandardCharsets.ISO_8859_1);
        int body = raw.indexOf("\r\n\r\n");
        int word = raw.indexOf("walls", body);
        assertThat(word).as("the text part is readable in the raw body").isPositive();
        byte[] tampered = (raw.substring(0, word) + "wages" + raw.substring(word + "walls".length()))
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(FailException.class)
                .hasMessageContaining("bodyhash");
    }

    @Test
    void aBadKeyStopsBroadsideAtStartWithTheSettingNamed() {
        TestHome broken = new TestHome(dir)
                .set("broadside.dkim.selector", SELECTOR)
                .set("broadside.dkim.private-key-file", "config/dkim.pem");
        broken.write("config/dkim.pem", "-----BEGIN RSA PRIVATE KEY-----\nMIIEow==\n-----END RSA PRIVATE KEY-----\n");

        Result status = broken.run("status");

        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.errLines()).containsExactly("configuration: broadside.dkim.private-key-file ("
                + dir.resolve("config/dkim.pem") + "): the DKIM key is a PKCS#1 key (BEGIN RSA PRIVATE KEY); convert it"
                + " to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out dkim.pem");
    }

    /** A home whose key is in a file and whose From address is on a subdomain of the signing domain. */
    private static TestHome signingHome(Path dir) {
        TestHome home = new TestHome(dir)
                .set("broadside.mail.from", "International Migrants Alliance <news@mail.alliance.example>")
                .set("broadside.dkim.domain", DOMAIN)
                .set("broadside.dkim.selector", SELECTOR)
                .set("broadside.dkim.private-key-file", "config/dkim.pem");
        home.write("config/dkim.pem", TestKeys.pem(key.getPrivate()));
        return home;
    }

    private static Result release(TestHome home) {
        home.run("contacts", "import", home.write("m.csv", Samples.CONTACTS).toString(), "--list", "members");
        home.run("contacts", "import", home.write("p.csv", Samples.PRESS).toString(), "--list", "press");
        Result submitted = home.run("submit", home.write("statement.md", MULTILINGUAL).toString());
        assertThat(submitted.exitCode()).as(submitted.err()).isZero();
        home.run("approve", "migrants-day-2026", "--by", "Eni");
        return home.run("release", "migrants-day-2026", "--now", "--wait");
    }

    /** The message as the server stored it: the headers and body it received, byte for byte. */
    private static byte[] rawBytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] replaceInHeaders(byte[] raw, String from, String to) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int endOfHeaders = text.indexOf("\r\n\r\n");
        int at = text.indexOf(from);
        assertThat(at).as("'" + from + "' in the headers").isBetween(0, endOfHeaders);
        return (text.substring(0, at) + to + text.substring(at + from.length())).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(String header, byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(raw);
        return out.toByteArray();
    }
}
