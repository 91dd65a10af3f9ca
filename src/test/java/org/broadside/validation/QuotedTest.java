package org.broadside.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedTest {

    @Test
    void escapesControlCharactersSoThatAMessageStaysOnOneLine() {
        assertThat(Quoted.of("a\nb\rc\td\u0007e\u2028f")).isEqualTo("'a\\nb\\rc\\td\\u0007e\\u2028f'");
    }

    @Test
    void keepsTextInAnyScriptAsWritten() {
        assertThat(Quoted.of("移工 مهاجرين 👩\u200D👩")).isEqualTo("'移工 مهاجرين 👩\u200D👩'");
    }

    @Test
    void cutsALongValueAfterEightyCharacters() {
        assertThat(Quoted.of("x".repeat(80))).isEqualTo("'" + "x".repeat(80) + "'");
        assertThat(Quoted.of("😀".repeat(81))).isEqualTo("'" + "😀".repeat(80) + "…'");
    }
}
