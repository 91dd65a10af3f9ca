package org.broadside.social;

import com.ibm.icu.text.BreakIterator;
import com.twitter.twittertext.Extractor;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated texts in several scripts, with the things that must never be cut (emoji sequences, URLs, non-Latin
 * hashtags, remote mentions), and the checks that a place where one was cut is allowed.
 */
final class RandomTexts {
    static final List<String> HASHTAGS = List.of("MigrantsDay", "移工", "اليوم_الدولي_للمهاجرين", "18December");

    private static final List<List<String>> WORDS = List.of(
            List.of("migrants", "rights", "workers", "December", "solidarité", "trabajadoras", "Überstunden", "18"),
            List.of("المهاجرين", "حقوق", "العمال", "اليوم", "الدولي"),
            List.of("प्रवासी", "अधिकार", "मज़दूर", "नमस्ते", "दिवस"),
            List.of("移工", "權益", "國際移民日", "勞動", "居留權"),
            List.of("👩‍👩‍👧‍👦", "🇵🇭", "👋🏽", "✊"),
            List.of("https://migrants.example.org/18-december", "#移工", "#اليوم_الدولي_للمهاجرين", "#MigrantsDay",
                    "@ana@social.example.org"));
    private static final List<String> SENTENCE_ENDS = List.of(". ", "! ", "? ", "। ", "。", "؟ ");

    private final Random random;

    RandomTexts(Random random) {
        this.random = random;
    }

    /** @param maxWords at least 1 */
    String next(int maxWords) {
        StringBuilder text = new StringBuilder();
        int words = 1 + random.nextInt(maxWords);
        for (int i = 0; i < words; i++) {
            List<String> script = WORDS.get(random.nextInt(WORDS.size()));
            text.append(script.get(random.nextInt(script.size())));
            int separator = random.nextInt(10);
            if (separator == 0) {
                text.append(SENTENCE_ENDS.get(random.nextInt(SENTENCE_ENDS.size())));
            } else if (separator == 1) {
                text.append(", ");
            } else if (separator < 9) {
                text.append(' ');
            }
        }
        return text.toString().strip();
    }

    /** Between grapheme clusters and words, and outside every URL, hashtag and mention of the text. */
    static void assertAllowedCut(String text, int end, String context) {
        assertThat(isBoundary(BreakIterator.getCharacterInstance(), text, end)).as(context + " / grapheme").isTrue();
        assertThat(isBoundary(BreakIterator.getWordInstance(), text, end)).as(context + " / word").isTrue();
        for (Extractor.Entity entity : new Extractor().extractEntitiesWithIndices(text)) {
            assertThat(end).as(context + " / " + entity.getValue())
                    .matches(offset -> offset <= entity.getStart() || offset >= entity.getEnd());
        }
        for (MastodonMentions.Mention mention : MastodonMentions.in(text)) {
            assertThat(end).as(context + " / " + text.substring(mention.start(), mention.end()))
                    .matches(offset -> offset <= mention.start() || offset >= mention.end());
        }
    }

    static boolean isBoundary(BreakIterator iterator, String text, int offset) {
        iterator.setText(text);
        return iterator.isBoundary(offset);
    }

    LengthRule rule() {
        return switch (random.nextInt(5)) {
            case 0 -> new XRule();
            case 1 -> new BlueskyRule();
            case 2 -> new ThreadsRule();
            case 3 -> new MastodonRule(150 + random.nextInt(450));
            default -> new CharacterCountRule(180 + random.nextInt(300));
        };
    }
}
