package org.broadside.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignedTokensTest {
    private final SignedTokens tokens = new SignedTokens("a key of at least thirty-two bytes!!".getBytes(StandardCharsets.UTF_8));

    @Test
    void aGenuineTokenYieldsItsPayload() {
        String token = tokens.sign("unsubscribe", "info@kasama.example");
        assertThat(tokens.verify("unsubscribe", token)).contains("info@kasama.example");
    }

    @Test
    void anAlteredPayloadOrSignatureIsRejected() {
        String token = tokens.sign("unsubscribe", "info@kasama.example");
        String otherPayload = tokens.sign("unsubscribe", "desk@wire.example").split("\\.")[0];
        assertThat(tokens.verify("unsubscribe", otherPayload + "." + token.split("\\.")[1])).isEmpty();
        char last = token.charAt(token.length() - 1);
        assertThat(tokens.verify("unsubscribe", token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A')))
                .isEmpty();
        assertThat(tokens.verify("unsubscribe", "garbage")).isEmpty();
        assertThat(tokens.verify("unsubscribe", "a.b.c")).isEmpty();
        assertThat(tokens.verify("unsubscribe", "%%%.***")).isEmpty();
    }

    @Test
    void aTokenForOnePurposeIsWorthlessForAnother() {
        assertThat(tokens.verify("login", tokens.sign("unsubscribe", "info@kasama.example"))).isEmpty();
    }

    @Test
    void anotherKeyRejectsTheToken() {
        SignedTokens other = new SignedTokens("another key of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));
        assertThat(other.verify("unsubscribe", tokens.sign("unsubscribe", "info@kasama.example"))).isEmpty();
    }

    @Test
    void aCaselessTokenIsLowerCaseAndVerifiesWhateverCaseItComesBackIn() {
        String token = tokens.signCaseless("bounce", "1234");

        assertThat(token).matches("1234-[a-z2-7]{16}");
        assertThat(tokens.verifyCaseless("bounce", token)).contains("1234");
        assertThat(tokens.verifyCaseless("bounce", token.toUpperCase(java.util.Locale.ROOT))).contains("1234");
    }

    @Test
    void anAlteredCaselessTokenIsRejected() {
        String token = tokens.signCaseless("bounce", "1234");
        String mac = token.substring(token.indexOf('-') + 1);
        char last = mac.charAt(mac.length() - 1);

        assertThat(tokens.verifyCaseless("bounce", "1235-" + mac)).as("another payload").isEmpty();
        assertThat(tokens.verifyCaseless("bounce", token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a')))
                .as("another MAC").isEmpty();
        assertThat(tokens.verifyCaseless("bounce", token.substring(0, token.length() - 1))).as("cut short").isEmpty();
        assertThat(tokens.verifyCaseless("unsubscribe", token)).as("another purpose").isEmpty();
        assertThat(tokens.verifyCaseless("bounce", "1234")).isEmpty();
        assertThat(tokens.verifyCaseless("bounce", "-" + mac)).isEmpty();
        assertThat(tokens.verifyCaseless("bounce", "12-34-" + mac)).isEmpty();
    }

    @Test
    void aCaselessPayloadMustBeLowerCaseLettersAndDigits() {
        assertThatThrownBy(() -> tokens.signCaseless("bounce", "Info@x")).hasMessageContaining("lower-case letters");
        assertThatThrownBy(() -> tokens.signCaseless("bounce", "")).hasMessageContaining("lower-case letters");
    }

    @Test
    void shortKeysAreRefused() {
        assertThatThrownBy(() -> new SignedTokens(new byte[16])).hasMessageContaining("32 bytes");
    }
}
