package org.broadside.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ControlCharactersTest {

    @ParameterizedTest
    @ValueSource(ints = {'\n', '\r', 0x85, 0x2028, 0x2029})
    void refusesEveryLineBreakInASingleLineValue(int lineBreak) {
        String value = "Stop" + Character.toString(lineBreak) + "Bcc: everyone@example.org";

        assertThat(ControlCharacters.isLineBreak(lineBreak)).isTrue();
        assertThat(ControlCharacters.firstForbiddenInOneLine(value)).hasValue(lineBreak);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x07, 0x1B, 0x7F, 0x9B})
    void refusesOtherControlCharactersWithoutCallingThemLineBreaks(int control) {
        assertThat(ControlCharacters.isLineBreak(control)).isFalse();
        assertThat(ControlCharacters.firstForbiddenInOneLine("a" + Character.toString(control))).hasValue(control);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Day\tone", "Amal Haddad", "مهاجرين\u200F", "👩\u200D👩", ""})
    void acceptsTabAndTheFormatCharactersThatNamesInSeveralScriptsNeed(String value) {
        assertThat(ControlCharacters.firstForbiddenInOneLine(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {'\t', '\n', 0x07, 0x2028})
    void countsTabAmongTheCharactersAMessageMustEscape(int control) {
        assertThat(ControlCharacters.isControl(control)).isTrue();
    }
}
