package org.broadside.social;

import org.junit.jupiter.api.Test;

import java.util.List;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThreadSplitterTest {
    private static final String LINK = "https://broadside.example.org/s/migrants-day-2025";
    private static final PostLayout WITH_LINK = (text, tags) ->
            text + "\n\n" + LINK + "\n" + tags.stream().map(tag -> "#" + tag).collect(joining(" "));
    private static final List<String> TAGS = List.of("MigrantsDay", "移工");

    private static final String FIRST = "On International Migrants Day, 18 December, we stand with the migrant workers "
            + "who care for our elders, build our homes and harvest our food.";
    private static final String SECOND = "Many still work without contracts or days off.";
    private static final String THIRD = "We call on every government to ratify the Migrant Workers Convention and "
            + "to end the kafala system.";
    private static final String FOURTH = "Rights do not stop at borders.";
    private static final String OPENING = FIRST + " " + SECOND + " " + THIRD + " " + FOURTH;

    private final ThreadSplitter splitter = new ThreadSplitter();

    @Test
    void aTextThatFitsIsOneUnnumberedPost() {
        PostThread thread = splitter.split(Network.LINKEDIN, new CharacterCountRule(3000), 4, "en", OPENING, TAGS,
                WITH_LINK);

        assertThat(thread.posts()).extracting(Post::text).containsExactly(WITH_LINK.render(OPENING, TAGS));
        assertThat(thread.network()).isEqualTo(Network.LINKEDIN);
        assertThat(thread.language()).isEqualTo("en");
    }

    @Test
    void aLongerTextIsNumberedAndCutAtSentencesWithLinkAndTagsOnlyAtTheEnd() {
        PostThread thread = splitter.split(Network.X, new XRule(), 4, "en", OPENING, TAGS, WITH_LINK);

        assertThat(thread.posts()).extracting(Post::text).containsExactly(
                FIRST + " " + SECOND + " 1/2",
                WITH_LINK.render(THIRD + " " + FOURTH + " 2/2", TAGS));
        assertThat(thread.posts()).allSatisfy(post -> assertThat(post.length()).isLessThanOrEqualTo(280));
    }

    @Test
    void aSentenceLongerThanAPostContinuesInTheNextAfterAnEllipsis() {
        PostThread thread = splitter.split(Network.X, new CharacterCountRule(100), 9, "en", FIRST, List.of(),
                (text, tags) -> text);

        assertThat(thread.posts()).extracting(Post::text).containsExactly(
                "On International Migrants Day, 18 December, we stand with the migrant workers who care for our… 1/2",
                "elders, build our homes and harvest our food. 2/2");
    }

    @Test
    void beyondTheMaximumTheLastPostEndsAtASentenceAndStillCarriesTheLink() {
        int limit = WITH_LINK.render(THIRD + " 2/2", TAGS).length();

        PostThread thread = splitter.split(Network.MASTODON, new CharacterCountRule(limit), 2, "en", OPENING, TAGS,
                WITH_LINK);

        assertThat(thread.posts()).hasSize(2);
        assertThat(thread.posts().get(0).text()).endsWith(" 1/2");
        String last = thread.posts().get(1).text();
        assertThat(last).endsWith(" 2/2\n\n" + LINK + "\n#MigrantsDay #移工").doesNotContain(FOURTH);
        assertThat(last.substring(0, last.indexOf(" 2/2"))).endsWith(".");
    }

    @Test
    void numbersPastNineKeepEveryPostWithinTheLimit() {
        String text = (SECOND + " ").repeat(12).strip();

        PostThread thread = splitter.split(Network.BLUESKY, new CharacterCountRule(60), 20, "en", text, List.of(),
                (part, tags) -> part);

        assertThat(thread.posts()).hasSize(12);
        assertThat(thread.posts().get(0).text()).isEqualTo(SECOND + " 1/12");
        assertThat(thread.posts().get(11).text()).isEqualTo(SECOND + " 12/12");
        assertThat(thread.posts()).allSatisfy(post -> assertThat(post.text().length()).isLessThanOrEqualTo(60));
    }

    @Test
    void nonLatinHashtagsInTheTextAreNeverSplit() {
        String text = "Solidarity with every worker in Taiwan #移工 and across the Gulf #اليوم_الدولي_للمهاجرين "
                + "today and every day.";
        for (int limit = 30; limit < 60; limit++) {
            List<String> posts = splitter.split(Network.BLUESKY, new CharacterCountRule(limit), 10, "ar", text,
                    List.of(), (part, tags) -> part).posts().stream().map(Post::text).toList();

            String context = "limit " + limit + ": " + posts;
            assertThat(posts.stream().filter(post -> post.contains("#移工"))).as(context).hasSize(1);
            assertThat(posts.stream().filter(post -> post.contains("#اليوم_الدولي_للمهاجرين"))).as(context).hasSize(1);
            assertThat(String.join(" ", posts)).as(context).doesNotContain("#移…", "#اليوم…", "#اليوم_الدولي…");
        }
    }

    @Test
    void oneAllowedPostIsTheComposersShortenedPost() {
        PostThread thread = splitter.split(Network.X, new XRule(), 1, "en", OPENING, TAGS, WITH_LINK);

        assertThat(thread.posts()).extracting(Post::text)
                .containsExactly(new PostComposer().compose(Network.X, new XRule(), "en", OPENING, TAGS, WITH_LINK)
                        .text());
    }

    @Test
    void aUrlLongerThanAPostIsReportedNotCut() {
        String url = "https://broadside.example.org/statements/" + "international-migrants-day-".repeat(12);
        String text = "Read the statement. " + url + " and share it.";

        assertThatThrownBy(() -> splitter.split(Network.BLUESKY, new BlueskyRule(), 5, "en", text, List.of(),
                WITH_LINK))
                .isInstanceOf(PostTooLongException.class)
                .hasMessageStartingWith("bluesky: no post fits in 300 graphemes")
                .hasMessageContaining(url);
    }

    @Test
    void zeroPostsIsRefused() {
        assertThatThrownBy(() -> splitter.split(Network.X, new XRule(), 0, "en", OPENING, TAGS, WITH_LINK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x: a thread has at least 1 post");
    }
}
