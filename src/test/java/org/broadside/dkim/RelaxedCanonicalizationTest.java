package org.broadside.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The relaxed canonicalization on the example of RFC 6376 3.4.5 and on the edges of a body. */
class RelaxedCanonicalizationTest {

    @Test
    void headersAsInTheRfcExample() {
        WireMessage message = WireMessage.parse(bytes("A: X\r\nB : Y\t\r\n\tZ  \r\n\r\n"));

        assertThat(RelaxedCanonicalization.header("A", message.values("A").get(0))).isEqualTo("a:X");
        assertThat(RelaxedCanonicalization.header("B ", message.values("B ").get(0))).isEqualTo("b:Y Z");
    }

    @Test
    void bodyAsInTheRfcExample() {
        byte[] body = bytes(" C \r\nD \t E\r\n\r\n\r\n");

        assertThat(text(RelaxedCanonicalization.body(body))).isEqualTo(" C\r\nD E\r\n");
    }

    @Test
    void aBodyWithoutAFinalLineBreakGetsOneAndInnerEmptyLinesStay() {
        assertThat(text(RelaxedCanonicalization.body(bytes("one\r\n\r\n \r\ntwo")))).isEqualTo("one\r\n\r\n\r\ntwo\r\n");
    }

    @Test
    void anEmptyBodyOrOneOfBlankLinesIsEmpty() {
        assertThat(RelaxedCanonicalization.body(new byte[0])).isEmpty();
        assertThat(RelaxedCanonicalization.body(bytes("\r\n \t\r\n\r\n"))).isEmpty();
    }

    @Test
    void bytesThatAreNotAsciiPassUnchanged() {
        byte[] utf8 = "Grüße\t \u79fb\u5de5\r\n".getBytes(StandardCharsets.UTF_8);

        assertThat(RelaxedCanonicalization.body(utf8)).isEqualTo("Grüße \u79fb\u5de5\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
