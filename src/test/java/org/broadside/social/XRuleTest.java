package org.broadside.social;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XRuleTest {
    private final XRule rule = new XRule();

    @Test
    void asciiCountsOneEach() {
        assertThat(rule.length("Migrants keep our cities running.")).isEqualTo(33);
    }

    @Test
    void cjkCountsTwoEach() {
        assertThat(rule.length("移工權益")).isEqualTo(8);
        assertThat(rule.length("12月18日")).isEqualTo(1 + 1 + 2 + 1 + 1 + 2);
    }

    @Test
    void everyEmojiSequenceCountsTwo() {
        assertThat(rule.length("👋")).isEqualTo(2);
        assertThat(rule.length("👋🏽")).isEqualTo(2);
        assertThat(rule.length("🇵🇭")).isEqualTo(2);
        assertThat(rule.length("👩‍👩‍👧‍👦")).isEqualTo(2);
    }

    @Test
    void everyUrlCountsTwentyThreeWhateverItsLength() {
        assertThat(rule.length("Read: https://example.org/a")).isEqualTo(6 + 23);
        assertThat(rule.length("Read: https://broadside.example.org/statements/2025/international-migrants-day/full-text"))
                .isEqualTo(6 + 23);
    }

    @Test
    void acceptsTwoHundredEightyWeightedCharacters() {
        assertThat(rule.fits("a".repeat(280))).isTrue();
        assertThat(rule.fits("a".repeat(281))).isFalse();
        assertThat(rule.fits("移".repeat(140))).isTrue();
        assertThat(rule.fits("移".repeat(141))).isFalse();
        assertThat(rule.describe()).isEqualTo("280 weighted characters");
    }
}
