package org.broadside.social;

import org.broadside.statement.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One post per network for one language version of a statement. */
public final class SocialPosts {
    private final PostComposer composer = new PostComposer();

    /**
     * @param rules the networks to post to, each with its rule (see {@link Network#defaultRules()})
     * @return posts in {@link Network} order
     * @throws PostTooLongException when some network cannot take even the shortest post
     */
    public List<Post> compose(Statement version, Map<Network, LengthRule> rules, PostLayout layout) {
        String text = SocialText.of(version);
        List<Post> posts = new ArrayList<>(rules.size());
        for (Network network : Network.values()) {
            LengthRule rule = rules.get(network);
            if (rule != null) {
                posts.add(composer.compose(network, rule, version.language(), text, version.hashtags(), layout));
            }
        }
        return posts;
    }
}
