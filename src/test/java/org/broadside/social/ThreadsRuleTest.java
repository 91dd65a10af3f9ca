package org.broadside.social;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadsRuleTest {
    private final ThreadsRule rule = new ThreadsRule();

    @Test
    void anEmojiCountsItsUtf8Bytes() {
        assertThat(rule.length("👋")).isEqualTo(4);
        assertThat(rule.length("👋🏽")).isEqualTo(8);
        assertThat(rule.length("🇵🇭")).isEqualTo(8);
        assertThat(rule.length("1️⃣")).isEqualTo(7);
        assertThat(rule.length("👩‍👩‍👧‍👦")).isEqualTo(25);
    }

    @Test
    void otherTextCountsCodePointsNeverFewerThanGraphemes() {
        assertThat(rule.length("Migrants Day")).isEqualTo(12);
        assertThat(rule.length("移工權益")).isEqualTo(4);
        assertThat(rule.length("नमस्ते")).isEqualTo(6);
        assertThat(rule.length("Solidarity 👋🏽")).isEqualTo(11 + 8);
    }

    @Test
    void acceptsFiveHundred() {
        assertThat(rule.fits("a".repeat(500))).isTrue();
        assertThat(rule.fits("a".repeat(499) + "👋")).isFalse();
    }
}
