package org.broadside.social;

import com.ibm.icu.text.BreakIterator;
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
    private static final List<String> HASHTAGS = RandomTexts.HASHTAGS;

    private final PostComposer composer = new PostComposer();
    private final Random random = new Random(18_12_2025);
    private final RandomTexts texts = new RandomTexts(random);

    @Test
    void everyPostFitsAndIsTheLayoutAroundAPrefixCutAtABoundary() {
        for (int round = 0; round < 400; round++) {
            String text = texts.next(120);
            List<String> tags = HASHTAGS.subList(0, random.nextInt(HASHTAGS.size() + 1));
            LengthRule rule = texts.rule();

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
        RandomTexts.assertAllowedCut(text, end, context);
        if (kept.equals(body)) {
            assertThat(RandomTexts.isBoundary(BreakIterator.getSentenceInstance(), text, afterSpaces(text, end)))
                    .as(context + " / sentence end").isTrue();
        }
    }

    private static int afterSpaces(String text, int offset) {
        while (offset < text.length() && Character.isWhitespace(text.charAt(offset))) {
            offset++;
        }
        return offset;
    }
}
