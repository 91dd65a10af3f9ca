package org.broadside.social;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Bluesky counts grapheme clusters as ICU finds them; these are the clusters people get wrong. */
class GraphemeRulesTest {
    private static final String FAMILY = "👩‍👩‍👧‍👦";
    /** White flag, variation selector 16, zero-width joiner, rainbow: 4 code points, 14 UTF-8 bytes. */
    private static final String RAINBOW_FLAG = "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08";
    /** क ् ष ि: a conjunct with a vowel sign, 4 code points of 3 UTF-8 bytes each. */
    private static final String KSHI = "\u0915\u094D\u0937\u093F";

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
    void aRainbowFlagIsOneGraphemeThoughItIsFourCodePoints() {
        assertThat(RAINBOW_FLAG.codePointCount(0, RAINBOW_FLAG.length())).isEqualTo(4);
        assertThat(bluesky.length(RAINBOW_FLAG)).isEqualTo(1);
        assertThat(bluesky.length("Pride " + RAINBOW_FLAG + FAMILY)).isEqualTo(8);
    }

    @Test
    void adjacentFlagsPairTheirRegionalIndicatorsFromTheStart() {
        assertThat(bluesky.length("🇵🇭🇲🇽")).isEqualTo(2);
        // P H M: the third indicator has no partner and is a cluster of its own, it does not re-pair "HM".
        assertThat(bluesky.length("🇵🇭🇲")).isEqualTo(2);
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
    void aDevanagariConjunctWithItsVowelSignIsOneGrapheme() {
        assertThat(bluesky.length(KSHI)).isEqualTo(1);
        assertThat(bluesky.length("\u0915\u094D\u0937\u093F\u0924\u093F\u091C")).as("क्षितिज").isEqualTo(3);
    }

    @Test
    void arabicDiacriticsBelongToTheirLetter() {
        String marhaban = "\u0645\u064E\u0631\u0652\u062D\u064E\u0628\u064B\u0627"; // مَرْحَبًا
        assertThat(marhaban.length()).isEqualTo(9);
        assertThat(bluesky.length(marhaban)).isEqualTo(5);
    }

    @Test
    void combiningMarksJoinTheLetterBeforeThem() {
        assertThat(bluesky.length("Jose\u0301")).as("decomposed é").isEqualTo(4);
        assertThat(bluesky.length("Nguye\u0302\u0303n")).as("two marks stacked on one e").isEqualTo(6);
        assertThat(bluesky.length("a" + "\u0300".repeat(20))).as("any number of marks").isEqualTo(1);
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

    @Test
    void theByteCapAlsoBitesOnDevanagariWellUnderThreeHundredGraphemes() {
        // 12 bytes per cluster: 250 clusters are exactly 3000 bytes, 251 are too many at 251 graphemes.
        assertThat(KSHI.repeat(250).getBytes(StandardCharsets.UTF_8)).hasSize(3000);
        assertThat(bluesky.fits(KSHI.repeat(250))).isTrue();
        assertThat(bluesky.length(KSHI.repeat(251))).isEqualTo(251);
        assertThat(bluesky.fits(KSHI.repeat(251))).isFalse();
    }

    @Test
    void textsOfOtherScriptsMeetTheGraphemeLimitBeforeTheByteCap() {
        String arabic = "\u0645\u064E\u0631\u0652\u062D\u064E\u0628\u064B\u0627 "; // 6 graphemes, 17 bytes
        String cjk = "國際移民日";                                                       // 5 graphemes, 15 bytes
        assertThat(bluesky.fits(arabic.repeat(50))).isTrue();
        assertThat(bluesky.fits(arabic.repeat(50) + "x")).isFalse();
        assertThat(bluesky.fits(cjk.repeat(60))).isTrue();
        assertThat(bluesky.fits(cjk.repeat(60) + "移")).isFalse();
        assertThat(bluesky.fits(RAINBOW_FLAG.repeat(300))).as("4200 bytes").isFalse();
        assertThat(bluesky.fits(RAINBOW_FLAG.repeat(214))).as("2996 bytes").isTrue();
    }
}
