package org.broadside.social;

import com.ibm.icu.text.BreakIterator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated texts in several scripts split for every kind of rule, with random limits and thread lengths: no post
 * is over its limit, every cut is at an allowed place, the posts are numbered 1/N to N/N, and read one after the
 * other they are the text (all of it, unless the thread reached its maximum).
 */
class ThreadSplitterPropertyTest {
    private static final String LINK = "https://broadside.example.org/s/migrants-day-2025";
    private static final String BEFORE_LINK = "\n\n" + LINK + "\n";
    private static final PostLayout LAYOUT = (text, tags) ->
            text + BEFORE_LINK + tags.stream().map(tag -> "#" + tag).collect(joining(" "));

    private final ThreadSplitter splitter = new ThreadSplitter();
    private final Random random = new Random(20_12_2025);
    private final RandomTexts texts = new RandomTexts(random);

    @Test
    void everyThreadFitsIsNumberedAndReadsAsTheTextCutOnlyWhereAllowed() {
        int threads = 0;
        for (int round = 0; round < 200; round++) {
            String text = texts.next(160);
            List<String> tags = RandomTexts.HASHTAGS.subList(0, random.nextInt(RandomTexts.HASHTAGS.size() + 1));
            LengthRule rule = texts.rule();
            int maxPosts = 1 + random.nextInt(6);
            String context = "rule " + rule.describe() + ", at most " + maxPosts + " posts, text: " + text;

            List<Post> posts = splitter.split(Network.BLUESKY, rule, maxPosts, "en", text, tags, LAYOUT).posts();

            assertThat(posts).as(context).hasSizeBetween(1, maxPosts);
            for (Post post : posts) {
                assertThat(rule.fits(post.text())).as(context + " / post " + post.text()).isTrue();
                assertThat(post.length()).isEqualTo(rule.length(post.text())).isLessThanOrEqualTo(rule.limit());
            }
            if (posts.size() > 1) {
                threads++;
                assertNumberedAndReadsAsTheText(text, tags, posts, maxPosts, context);
            }
        }
        assertThat(threads).as("rounds that made a thread").isGreaterThan(60);
    }

    private static void assertNumberedAndReadsAsTheText(String text, List<String> tags, List<Post> posts,
                                                        int maxPosts, String context) {
        int count = posts.size();
        int start = 0;
        for (int number = 1; number <= count; number++) {
            String post = posts.get(number - 1).text();
            String suffix = " " + number + "/" + count;
            String part;
            if (number < count) {
                assertThat(post).as(context).endsWith(suffix).doesNotContain(LINK);
                part = post.substring(0, post.length() - suffix.length());
            } else {
                assertThat(post).as(context).contains(suffix + BEFORE_LINK);
                part = post.substring(0, post.indexOf(suffix + BEFORE_LINK));
                String tagsShown = post.substring(post.indexOf(BEFORE_LINK) + BEFORE_LINK.length());
                assertThat(tags.stream().map(tag -> "#" + tag).collect(joining(" "))).as(context).startsWith(tagsShown);
            }
            String kept = part.replaceFirst(" ?…$", "");
            assertThat(kept).as(context).isNotEmpty();
            assertThat(text.startsWith(kept, start)).as(context + " / part " + number + ": " + kept).isTrue();
            int end = start + kept.length();
            boolean lastOfWholeText = number == count && end == text.length();
            if (!lastOfWholeText) {
                assertThat(number == count && count < maxPosts).as(context + " / only a full thread drops text")
                        .isFalse();
                RandomTexts.assertAllowedCut(text, end, context + " / part " + number);
                if (kept.equals(part)) {
                    assertThat(RandomTexts.isBoundary(BreakIterator.getSentenceInstance(), text, afterSpaces(text, end)))
                            .as(context + " / part " + number + " ends a sentence").isTrue();
                }
            }
            start = afterSpaces(text, end);
        }
    }

    private static int afterSpaces(String text, int offset) {
        while (offset < text.length() && Character.isWhitespace(text.charAt(offset))) {
            offset++;
        }
        return offset;
    }
}
