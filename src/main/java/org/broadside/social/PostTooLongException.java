package org.broadside.social;

/** No post fits a network's limit: even the shortest cut of the text, with no hashtags, is too long. */
public class PostTooLongException extends RuntimeException {
    private final Network network;
    private final int limit;

    PostTooLongException(Network network, LengthRule rule, String shortestPost) {
        super(network.key() + ": no post fits in " + rule.describe()
                + "; even the shortest, without hashtags, measures " + rule.length(shortestPost)
                + ": \"" + shortestPost + "\"");
        this.network = network;
        this.limit = rule.limit();
    }

    public Network network() {
        return network;
    }

    public int limit() {
        return limit;
    }
}
