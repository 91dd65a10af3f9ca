package org.broadside.social;

import java.util.List;

/**
 * What one network gets for one language version: a single post, or a numbered thread in reading order, each
 * post replying to the one before.
 *
 * @param language BCP 47 tag of the statement version
 */
public record PostThread(Network network, String language, List<Post> posts) {

    public PostThread {
        posts = List.copyOf(posts);
        if (posts.isEmpty()) {
            throw new IllegalArgumentException("a thread has at least one post");
        }
    }
}
