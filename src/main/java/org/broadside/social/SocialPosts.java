package org.broadside.social;

import org.broadside.statement.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One post, or one thread, per network for one language version of a statement. */
public final class SocialPosts {
    private final ThreadSplitter splitter = new ThreadSplitter();

    /**
     * @param rules    the networks to post to, each with its rule (see {@link Network#defaultRules()})
     * @param maxPosts per network, the longest thread it may get; a network without an entry gets one post
     * @return one thread (often of one post) per network, in {@link Network} order
     * @throws PostTooLongException when some network cannot take even the shortest post
     */
    public List<PostThread> compose(Statement version, Map<Network, LengthRule> rules, Map<Network, Integer> maxPosts,
                                    PostLayout layout) {
        String text = SocialText.of(version);
        List<PostThread> threads = new ArrayList<>(rules.size());
        for (Network network : Network.values()) {
            LengthRule rule = rules.get(network);
            if (rule != null) {
                threads.add(splitter.split(network, rule, maxPosts.getOrDefault(network, 1), version.language(),
                        text, version.hashtags(), layout));
            }
        }
        return threads;
    }
}
