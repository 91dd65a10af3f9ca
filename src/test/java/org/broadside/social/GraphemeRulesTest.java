package org.broadside.social;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bluesky counts grapheme clusters as ICU finds them; these are the clusters people get wrong. */
class GraphemeRulesTest {
    private static final String FAMILY = "👩‍👩‍👧‍👦";

    private final BlueskyRule bluesky = new BlueskyRule();

    @Test
    void anEmojiZwjSequenceIsOneGrapheme() {
        assertThat(bluesky.length(FAMILY)).isEqualTo(1);
    }

    @Test
    void aFlagIsOneGrapheme() {
        assertThat(bluesky.length("🇵🇭")).isEqualTo(1);
    }

    @Test
    void anEmojiWithASkinToneIsOneGrapheme() {
        assertThat(bluesky.length("👋🏽")).isEqualTo(1);
    }

    @Test
    void devanagariConjunctsAreSingleGraphemes() {
        // न म स्ते: since Unicode 15.1 a virama joins स्त into one cluster, and the vowel sign े joins it too.
        assertThat(bluesky.length("नमस्ते")).isEqualTo(3);
        assertThat("नमस्ते".codePointCount(0, "नमस्ते".length())).isEqualTo(6);
    }

    @Test
    void arabicAndCjkCountOneGraphemePerLetter() {
        assertThat(bluesky.length("اليوم الدولي للمهاجرين")).isEqualTo(22);
        assertThat(bluesky.length("國際移民日")).isEqualTo(5);
    }

    @Test
    void blueskyAcceptsThreeHundredGraphemes() {
        assertThat(bluesky.fits("a".repeat(300))).isTrue();
        assertThat(bluesky.fits("a".repeat(301))).isFalse();
        assertThat(bluesky.describe()).isEqualTo("300 graphemes and 3000 UTF-8 bytes");
    }

    @Test
    void blueskyAlsoCapsUtf8Bytes() {
        // Each family emoji is 25 bytes: 120 of them are exactly 3000 bytes, 121 are too many.
        assertThat(bluesky.fits(FAMILY.repeat(120))).isTrue();
        assertThat(bluesky.fits(FAMILY.repeat(121))).isFalse();
        assertThat(bluesky.length(FAMILY.repeat(300))).isEqualTo(300);
        assertThat(bluesky.fits(FAMILY.repeat(300))).isFalse();
    }
}
