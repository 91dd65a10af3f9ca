package org.broadside.social;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

class SocialPostsTest {
    private static final String LINK = "https://broadside.example.org/s/migrants-day-2025";
    private static final PostLayout LAYOUT = (text, tags) ->
            text + "\n\n" + LINK + "\n" + tags.stream().map(tag -> "#" + tag).collect(joining(" "));

    private static final String OPENING = "On International Migrants Day, 18 December, the Migrant Workers Alliance "
            + "honours the millions who left home to care for other people's families. Their work sustains our "
            + "hospitals, farms and homes, yet too many are still paid late, housed badly and denied the right to "
            + "organise. We ask every government to ratify ILO Convention 189 and to guarantee a weekly day of rest, "
            + "a written contract and the freedom to change employers. Rights do not stop at borders.";
    private static final String BODY = "# Rights do not stop at borders\n\n" + OPENING
            + "\n\nThe Alliance will hold vigils in twelve cities.\n";

    private final SocialPosts socialPosts = new SocialPosts();

    @Test
    void onePostPerNetworkForTheLanguageVersionEachWithinItsLimit() {
        var version = Statements.version("en", null, BODY, List.of("MigrantsDay", "移工"));

        List<Post> posts = onlyPosts(socialPosts.compose(version, Network.defaultRules(), Map.of(), LAYOUT));

        assertThat(posts).extracting(Post::network).containsExactly(Network.values());
        assertThat(posts).allSatisfy(post -> {
            assertThat(post.language()).isEqualTo("en");
            assertThat(post.network().defaultRule().fits(post.text())).isTrue();
            assertThat(post.text()).endsWith(LINK + "\n#MigrantsDay #移工");
        });
        assertThat(posts.get(0).text()).doesNotContain("Rights do not stop at borders.");
        assertThat(posts.get(Network.LINKEDIN.ordinal()).text()).startsWith(OPENING + "\n\n");
    }

    @Test
    void onlyTheConfiguredNetworksWithTheirRules() {
        var version = Statements.version("es", "Los derechos no se detienen en las fronteras.", BODY,
                List.of("DíaDelMigrante"));

        List<Post> posts = onlyPosts(socialPosts.compose(version,
                Map.of(Network.MASTODON, new MastodonRule(11000), Network.BLUESKY, new BlueskyRule()), Map.of(),
                LAYOUT));

        assertThat(posts).extracting(Post::network).containsExactly(Network.MASTODON, Network.BLUESKY);
        assertThat(posts).extracting(Post::limit).containsExactly(11000, 300);
        assertThat(posts).allSatisfy(post ->
                assertThat(post.text()).startsWith("Los derechos no se detienen en las fronteras.\n\n"));
    }

    @Test
    void eachNetworkGetsAThreadUpToItsOwnLongest() {
        var version = Statements.version("en", null, BODY, List.of("MigrantsDay"));

        List<PostThread> threads = socialPosts.compose(version, Network.defaultRules(),
                Map.of(Network.X, 3, Network.BLUESKY, 2), LAYOUT);

        PostThread x = threads.get(Network.X.ordinal());
        assertThat(x.posts()).hasSize(3);
        assertThat(x.posts().get(2).text())
                .endsWith("Rights do not stop at borders. 3/3\n\n" + LINK + "\n#MigrantsDay");
        assertThat(threads.get(Network.BLUESKY.ordinal()).posts()).hasSize(2);
        assertThat(threads.get(Network.MASTODON.ordinal()).posts()).as("not configured: one post").hasSize(1);
        assertThat(threads).allSatisfy(thread -> assertThat(thread.posts()).allSatisfy(post ->
                assertThat(thread.network().defaultRule().fits(post.text())).isTrue()));
    }

    /** The threads of networks that got a single post each, as those posts. */
    private static List<Post> onlyPosts(List<PostThread> threads) {
        assertThat(threads).allSatisfy(thread -> assertThat(thread.posts()).hasSize(1));
        return threads.stream().map(thread -> thread.posts().get(0)).toList();
    }
}
