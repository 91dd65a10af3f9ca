package org.broadside.social;

import java.util.List;

/**
 * Places the (possibly shortened) text, the link and the hashtags in a post. The composer calls it for
 * every length it tries, so it must be cheap and side-effect free.
 */
@FunctionalInterface
public interface PostLayout {

    /** @param hashtags without {@code #}, in the statement's order; the composer may pass fewer than it has */
    String render(String text, List<String> hashtags);
}
