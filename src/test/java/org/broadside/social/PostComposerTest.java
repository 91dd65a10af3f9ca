package org.broadside.social;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostComposerTest {
    private static final String LINK = "https://broadside.example.org/s/migrants-day-2025";
    private static final PostLayout WITH_LINK = (text, tags) ->
            text + "\n\n" + LINK + "\n" + tags.stream().map(tag -> "#" + tag).collect(joining(" "));
    private static final PostLayout TEXT_ONLY = (text, tags) -> text;

    private static final String FIRST = "On International Migrants Day, 18 December, we stand with the migrant workers "
            + "who care for our elders, build our homes and harvest our food.";
    private static final String SECOND = "Many still work without contracts or days off.";
    private static final String THIRD = "We call on every government to ratify the Migrant Workers Convention and "
            + "to end the kafala system.";
    private static final String OPENING = FIRST + " " + SECOND + " " + THIRD + " Rights do not stop at borders.";

    private final PostComposer composer = new PostComposer();

    @Test
    void aLongOpeningIsCutAtTheLastSentenceThatFitsOnX() {
        Post post = composer.compose(Network.X, new XRule(), "en", OPENING, List.of("MigrantsDay", "移工"), WITH_LINK);

        assertThat(post.text()).isEqualTo(WITH_LINK.render(FIRST + " " + SECOND, List.of("MigrantsDay", "移工")));
        assertThat(post.length()).isLessThanOrEqualTo(280).isEqualTo(new XRule().length(post.text()));
        assertThat(post.limit()).isEqualTo(280);
        assertThat(post.network()).isEqualTo(Network.X);
        assertThat(post.language()).isEqualTo("en");
    }

    @Test
    void withoutASentenceThatFitsTheCutIsAtAWordWithAnEllipsis() {
        String oneSentence = "Migrant domestic workers across the region are demanding a weekly day of rest, "
                + "a written contract in a language they read, the right to keep their own passports and "
                + "the freedom to change employers without permission, and a fair hearing when wages go unpaid "
                + "for months on end, as every state that recruits them has promised at the ILO";

        Post post = composer.compose(Network.X, new XRule(), "en", oneSentence, List.of(), TEXT_ONLY);

        assertThat(post.text()).endsWith("…").hasSizeLessThanOrEqualTo(280);
        String kept = post.text().substring(0, post.text().length() - 1);
        assertThat(oneSentence).startsWith(kept);
        assertThat(oneSentence.charAt(kept.length())).isEqualTo(' ');
        assertThat(kept).isEqualTo("Migrant domestic workers across the region are demanding a weekly day of rest, "
                + "a written contract in a language they read, the right to keep their own passports and "
                + "the freedom to change employers without permission, and a fair hearing when wages go unpaid "
                + "for months on end, as");
    }

    @Test
    void sentencesAreFoundByTheLanguagesRules() {
        String chinese = "今天是國際移民日。我們與所有移工站在一起，要求政府保障他們的勞動權益與居留權。權利沒有國界。";

        Post post = composer.compose(Network.X, new CharacterCountRule(30), "zh-TW", chinese, List.of(), TEXT_ONLY);

        assertThat(post.text()).isEqualTo("今天是國際移民日。");
    }

    @Test
    void neverCutsInsideAUrlInTheText() {
        String text = "Read the full statement at https://broadside.example.org/statements/international-migrants-day "
                + "and share it with your union.";
        int urlStart = text.indexOf("https");
        int urlEnd = text.indexOf(" and share");

        for (int limit = 5; limit < text.length(); limit++) {
            String kept = keptPart(compose(text, limit));
            assertThat(kept.length()).as("limit %d", limit).matches(end -> end <= urlStart || end >= urlEnd);
        }
        assertThat(compose(text, 97)).endsWith("international-migrants-day …");
    }

    @Test
    void neverCutsInsideANonLatinHashtag() {
        String text = "Solidarity with every worker in Taiwan #移工 and across the Gulf #اليوم_الدولي_للمهاجرين "
                + "today and every day.";
        for (String hashtag : List.of("#移工", "#اليوم_الدولي_للمهاجرين")) {
            int start = text.indexOf(hashtag);
            for (int limit = 12; limit < text.length(); limit++) {
                String kept = keptPart(compose(text, limit));
                assertThat(kept.length()).as("%s at limit %d", hashtag, limit)
                        .matches(end -> end <= start || end >= start + hashtag.length());
            }
        }
        assertThat(compose(text, 45)).isEqualTo("Solidarity with every worker in Taiwan #移工…");
    }

    @Test
    void neverSplitsAnEmojiZwjSequence() {
        String text = "Families belong together on International Migrants Day 👩‍👩‍👧‍👦";
        for (int limit = 10; limit < text.length() + 5; limit++) {
            String post = composer.compose(Network.MASTODON, new MastodonRule(limit), "en", text, List.of(), TEXT_ONLY)
                    .text();
            assertThat(post).as("limit %d", limit).satisfiesAnyOf(
                    whole -> assertThat(whole).isEqualTo(text),
                    cut -> assertThat(cut).doesNotContain("\u200D").doesNotContain("👩").endsWith("…"));
        }
    }

    @Test
    void linkedInKeepsTheWholeParagraph() {
        Post post = composer.compose(Network.LINKEDIN, Network.LINKEDIN.defaultRule(), "en", OPENING,
                List.of("MigrantsDay", "移工"), WITH_LINK);

        assertThat(post.text()).isEqualTo(WITH_LINK.render(OPENING, List.of("MigrantsDay", "移工")));
    }

    @Test
    void hashtagsStayWhenTheTextCanBeCutInstead() {
        Post post = composer.compose(Network.X, new CharacterCountRule(100), "en", OPENING,
                List.of("MigrantsDay", "移工"), WITH_LINK);

        assertThat(post.text()).endsWith("\n#MigrantsDay #移工").startsWith("On International Migrants Day…\n\n");
    }

    @Test
    void hashtagsAreDroppedFromTheEndOnlyWhenNotEvenTheFirstWordFits() {
        List<String> tags = List.of("InternationalMigrantsDay", "اليوم_الدولي_للمهاجرين");
        int firstWordWithOneTag = WITH_LINK.render("On…", tags.subList(0, 1)).length();

        Post post = composer.compose(Network.X, new CharacterCountRule(firstWordWithOneTag), "en", OPENING, tags,
                WITH_LINK);

        assertThat(post.text()).isEqualTo(WITH_LINK.render("On…", tags.subList(0, 1)));
    }

    @Test
    void aLayoutTooLongForAnyTextIsReportedWithNetworkAndLimit() {
        assertThatThrownBy(() -> composer.compose(Network.BLUESKY, new CharacterCountRule(40), "en", OPENING,
                List.of("MigrantsDay"), WITH_LINK))
                .isInstanceOf(PostTooLongException.class)
                .hasMessageStartingWith("bluesky: no post fits in 40 characters")
                .hasMessageContaining("On…\n\n" + LINK)
                .satisfies(e -> assertThat(((PostTooLongException) e).limit()).isEqualTo(40));
    }

    @Test
    void mastodonKeepsALongUrlThatCountsTwentyThree() {
        String longUrl = "https://broadside.example.org/statements/" + "international-migrants-day-".repeat(20);
        String text = "Read our statement for 18 December: " + longUrl;

        Post post = composer.compose(Network.MASTODON, new MastodonRule(), "en", text, List.of(), TEXT_ONLY);

        assertThat(post.text()).isEqualTo(text);
        assertThat(post.length()).isEqualTo(36 + 23);
    }

    @Test
    void measuresLogarithmicallyManyCandidatesNotEveryCharacter() {
        String longText = (SECOND + " ").repeat(200) + "Rights do not stop at borders";
        AtomicInteger renders = new AtomicInteger();
        PostLayout counting = (text, tags) -> {
            renders.incrementAndGet();
            return WITH_LINK.render(text, tags);
        };

        composer.compose(Network.X, new XRule(), "en", longText, List.of("MigrantsDay"), counting);

        assertThat(renders.get()).isLessThan(40);
    }

    private String compose(String text, int limit) {
        return composer.compose(Network.LINKEDIN, new CharacterCountRule(limit), "en", text, List.of(), TEXT_ONLY)
                .text();
    }

    /** The part of the original text a post kept, without the ellipsis. */
    private static String keptPart(String post) {
        return post.replaceFirst(" ?…$", "");
    }
}
