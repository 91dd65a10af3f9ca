package org.broadside.social;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SocialTextTest {
    private static final String BODY = """
            # International Migrants Day

            On **International Migrants Day**, 18\u00A0December, we [stand with](https://example.org/workers)
            the _migrant workers_ who keep our   cities running.\s\s
            Their rights are `human rights`.

            We call on every government to ratify the Convention.
            """;

    @Test
    void theSummaryWinsWhenPresent() {
        var version = Statements.version("en", "  Migrants keep our cities running.  ", BODY, List.of());
        assertThat(SocialText.of(version)).isEqualTo("Migrants keep our cities running.");
    }

    @Test
    void otherwiseTheOpeningParagraphAsPlainText() {
        var version = Statements.version("en", null, BODY, List.of());
        assertThat(SocialText.of(version)).isEqualTo("On International Migrants Day, 18\u00A0December, we stand with "
                + "the migrant workers who keep our cities running. Their rights are human rights.");
    }

    @Test
    void aBlankSummaryCountsAsAbsent() {
        var version = Statements.version("en", " ", "Rights do not stop at borders.", List.of());
        assertThat(SocialText.of(version)).isEqualTo("Rights do not stop at borders.");
    }

    @Test
    void inlineHtmlIsDroppedAndImagesKeepTheirAltText() {
        var version = Statements.version("en", null,
                "![Solidarity](banner.png) with <b>all</b> migrants &amp; refugees.", List.of());
        assertThat(SocialText.of(version)).isEqualTo("Solidarity with all migrants & refugees.");
    }

    @Test
    void aBodyWithoutParagraphsIsRefusedByName() {
        var version = Statements.version("tl", null, "# Araw ng mga Migrante", List.of());
        assertThatThrownBy(() -> SocialText.of(version))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("migrants-day-2025 (tl)");
    }
}
