package org.broadside.social;

import com.ibm.icu.text.BreakIterator;
import com.twitter.twittertext.Extractor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

/** Many generated texts in several scripts, against every kind of rule with random limits. */
class PostComposerPropertyTest {
    private static final String LINK = "https://broadside.example.org/s/migrants-day-2025";
    private static final String BEFORE_LINK = "\n\n" + LINK + "\n";
    private static final PostLayout LAYOUT = (text, tags) ->
            text + BEFORE_LINK + tags.stream().map(tag -> "#" + tag).collect(joining(" "));

    private static final List<List<String>> WORDS = List.of(
            List.of("migrants", "rights", "workers", "December", "solidarité", "trabajadoras", "Überstunden", "18"),
            List.of("المهاجرين", "حقوق", "العمال", "اليوم", "الدولي"),
            List.of("प्रवासी", "अधिकार", "मज़दूर", "नमस्ते", "दिवस"),
            List.of("移工", "權益", "國際移民日", "勞動", "居留權"),
            List.of("👩‍👩‍👧‍👦", "🇵🇭", "👋🏽", "✊"),
            List.of("https://migrants.example.org/18-december", "#移工", "#اليوم_الدولي_للمهاجرين", "#MigrantsDay",
                    "@ana@social.example.org"));
    private static final List<String> SENTENCE_ENDS = List.of(". ", "! ", "? ", "। ", "。", "؟ ");
    private static final List<String> HASHTAGS = List.of("MigrantsDay", "移工", "اليوم_الدولي_للمهاجرين", "18December");

    private final PostComposer composer = new PostComposer();
    private final Random random = new Random(18_12_2025);

    @Test
    void everyPostFitsAndIsTheLayoutAroundAPrefixCutAtABoundary() {
        for (int round = 0; round < 400; round++) {
            String text = randomText();
            List<String> tags = HASHTAGS.subList(0, random.nextInt(HASHTAGS.size() + 1));
            LengthRule rule = randomRule();

            Post post = composer.compose(Network.MASTODON, rule, "en", text, tags, LAYOUT);

            String context = "rule " + rule.describe() + ", text: " + text;
            assertThat(rule.fits(post.text())).as(context).isTrue();
            assertThat(post.length()).as(context).isEqualTo(rule.length(post.text())).isLessThanOrEqualTo(rule.limit());
            String body = post.text().substring(0, post.text().indexOf(BEFORE_LINK));
            assertThat(post.text()).as(context).isIn(renderingsWithLeadingTags(body, tags));
            assertIsTheWholeOrACutOf(text, body, context);
        }
    }

    private static List<String> renderingsWithLeadingTags(String body, List<String> tags) {
        List<String> renderings = new ArrayList<>();
        for (int kept = 0; kept <= tags.size(); kept++) {
            renderings.add(LAYOUT.render(body, tags.subList(0, kept)));
        }
        return renderings;
    }

    private static void assertIsTheWholeOrACutOf(String text, String body, String context) {
        if (body.equals(text)) {
            return;
        }
        String kept = body.replaceFirst(" ?…$", "");
        assertThat(kept).as(context).isNotEmpty();
        assertThat(text).as(context).startsWith(kept);
        int end = kept.length();
        assertThat(isBoundary(BreakIterator.getCharacterInstance(), text, end)).as(context).isTrue();
        assertThat(isBoundary(BreakIterator.getWordInstance(), text, end)).as(context).isTrue();
        if (kept.equals(body)) {
            assertThat(isBoundary(BreakIterator.getSentenceInstance(), text, afterSpaces(text, end)))
                    .as(context + " / sentence end").isTrue();
        }
        for (Extractor.Entity entity : new Extractor().extractEntitiesWithIndices(text)) {
            assertThat(end).as(context + " / " + entity.getValue())
                    .matches(offset -> offset <= entity.getStart() || offset >= entity.getEnd());
        }
    }

    private static int afterSpaces(String text, int offset) {
        while (offset < text.length() && Character.isWhitespace(text.charAt(offset))) {
            offset++;
        }
        return offset;
    }

    private static boolean isBoundary(BreakIterator iterator, String text, int offset) {
        iterator.setText(text);
        return iterator.isBoundary(offset);
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        int words = 1 + random.nextInt(120);
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

    private LengthRule randomRule() {
        return switch (random.nextInt(5)) {
            case 0 -> new XRule();
            case 1 -> new BlueskyRule();
            case 2 -> new ThreadsRule();
            case 3 -> new MastodonRule(150 + random.nextInt(450));
            default -> new CharacterCountRule(180 + random.nextInt(300));
        };
    }
}
