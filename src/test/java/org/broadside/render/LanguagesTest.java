package org.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.broadside.statement.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguagesTest {
    private final Statement english = SampleStatements.english();
    private final Statement portuguese = SampleStatements.translation("pt", "Dia Internacional dos Migrantes", "Corpo.");
    private final Statement brazilian = SampleStatements.translation("pt-BR", "Dia Internacional dos Migrantes", "Corpo.");
    private final Statement european = SampleStatements.translation("pt-PT", "Dia Internacional dos Migrantes", "Corpo.");
    private final Statement spanish = SampleStatements.spanish();

    @Test
    void anExactMatchWinsIgnoringCase() {
        assertThat(Languages.pick(List.of(english, portuguese, brazilian), "PT-br")).isSameAs(brazilian);
        assertThat(Languages.pick(List.of(english, portuguese, brazilian), "pt_BR")).isSameAs(brazilian);
    }

    @Test
    void aRegionalRecipientFallsBackToTheBareLanguageVersion() {
        assertThat(Languages.pick(List.of(english, european, portuguese), "pt-BR")).isSameAs(portuguese);
    }

    @Test
    void withoutABareVersionAnyRegionalVersionOfTheLanguageWillDo() {
        assertThat(Languages.pick(List.of(english, european), "pt-BR")).isSameAs(european);
        assertThat(Languages.pick(List.of(english, brazilian), "pt")).isSameAs(brazilian);
    }

    @Test
    void otherwiseTheOriginal() {
        assertThat(Languages.pick(List.of(spanish, english, portuguese), "tl")).isSameAs(english);
        assertThat(Languages.pick(List.of(spanish, english), null)).isSameAs(english);
        assertThat(Languages.pick(List.of(spanish, english), "not a tag!")).isSameAs(english);
    }

    @Test
    void versionsWithoutAnOriginalAreRefused() {
        assertThatThrownBy(() -> Languages.pick(List.of(spanish, portuguese), "fr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("original");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "ar-EG", "he", "iw", "fa", "ur", "ps", "yi", "ji", "dv", "ckb", "sd", "ug", "syr",
            "arc", "ku-Arab", "pa-Arab", "ff-Adlm", "rhg", "FA-ir"})
    void rightToLeft(String tag) {
        assertThat(Languages.isRightToLeft(tag)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es", "tl", "id", "ku", "ug-Latn", "sd-Deva", "az-Latn", "zh-Hant", "hi", "und", ""})
    void leftToRight(String tag) {
        assertThat(Languages.isRightToLeft(tag)).isFalse();
    }
}
