package org.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextPartEncoderTest {
    private static final String[] PIECES = {"migrant ", "workers", " ", "  ", "\t", "=", "==", ".", "\n", "\r\n",
        "\n\n", "é", "ñ", "—", "移工", "اليوم_الدولي", "नमस्ते", "👩‍👩‍👧‍👦", "🇵🇭", "=C3", "http://x.example/?a=1&b=2",
        "a".repeat(80), "b".repeat(75), "c".repeat(76), " ".repeat(3)};

    @ParameterizedTest
    @ValueSource(strings = {"plain ascii\nwith two lines\n", "Día Internacional del Migrante — 18 de diciembre",
        "移工權益就是人權。國際移民日聲明。", "trailing space \nand tab\t\nend", "=3D is not an escape\n",
        "line\r\nbreaks\rof\nevery kind", ""})
    void decodesBackToTheTextWithCrlfLineBreaks(String text) throws Exception {
        assertRoundTrip(text);
    }

    @Test
    void randomTextsOfEveryScriptDecodeBackAndKeepEncodedLinesShort() throws Exception {
        Random random = new Random(18_12);
        for (int sample = 0; sample < 2000; sample++) {
            StringBuilder text = new StringBuilder();
            for (int piece = random.nextInt(40); piece > 0; piece--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            assertRoundTrip(text.toString());
        }
    }

    @Test
    void choosesTheEncodingAngusWouldChoose() throws Exception {
        for (String text : new String[] {"only ascii\n", "mostly ascii, one é", "移工權益就是人權", "x".repeat(1000),
            "bell\u0007"}) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            MimeBodyPart angus = new MimeBodyPart();
            angus.setText(text, "UTF-8", "plain");
            assertThat(TextPartEncoder.encodingFor(utf8)).as(text)
                    .isEqualTo(MimeUtility.getEncoding(angus.getDataHandler()));
        }
    }

    @Test
    void escapesSpaceBeforeALineBreakAndNeverSplitsAnEscape() {
        String encoded = new String(TextPartEncoder.quotedPrintable(
                ("word \n" + "é".repeat(60)).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.US_ASCII);

        assertThat(encoded).startsWith("word=20\r\n");
        for (String line : encoded.split("\r\n")) {
            assertThat(line.length()).isLessThanOrEqualTo(76);
            assertThat(line).doesNotMatch(".*=[0-9A-F]?=$");
        }
    }

    @Test
    void aSegmentFollowedByASoftBreakLeavesRoomForItsEqualsSign() {
        for (String segment : new String[] {"x".repeat(76), "x".repeat(75) + " ", "x".repeat(74) + "é"}) {
            String encoded = new String(TextPartEncoder.quotedPrintable(segment.getBytes(StandardCharsets.UTF_8), true),
                    StandardCharsets.US_ASCII) + "=";

            for (String line : encoded.split("\r\n")) {
                assertThat(line.length()).as(segment).isLessThanOrEqualTo(76);
            }
            assertThat(encoded).doesNotEndWith(" =");
        }
    }

    /** Through a whole message, as a mail client reads it: the part's content is the text. */
    private static void assertRoundTrip(String text) throws Exception {
        MimeMultipart multipart = new MimeMultipart("alternative");
        multipart.addBodyPart(EncodedTextParts.part(text, "plain"));
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setContent(multipart);
        message.saveChanges();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        message.writeTo(wire);

        MimeMessage read = new MimeMessage(null, new ByteArrayInputStream(wire.toByteArray()));
        MimeBodyPart part = (MimeBodyPart) ((MimeMultipart) read.getContent()).getBodyPart(0);
        String expected = text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        assertThat(new String(MimeUtility.decode(part.getRawInputStream(), part.getEncoding()).readAllBytes(),
                StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(part.getContentType()).isEqualTo("text/plain; charset=UTF-8");
        byte[] raw = part.getRawInputStream().readAllBytes();
        for (String line : new String(raw, StandardCharsets.ISO_8859_1).split("\r\n")) {
            assertThat(line.length()).as("encoded line").isLessThanOrEqualTo(
                    part.getEncoding().equals("7bit") ? 998 : 76);
            assertThat(line.chars()).as("7-bit wire").allMatch(c -> c < 128);
        }
    }
}
