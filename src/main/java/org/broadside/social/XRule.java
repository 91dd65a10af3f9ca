package org.broadside.social;

import com.twitter.twittertext.TwitterTextParser;

/**
 * X's weighted length, computed by X's own twitter-text library: most Latin, Cyrillic and Greek
 * characters count 1, CJK characters and each emoji sequence count 2, every URL counts 23.
 */
public final class XRule implements LengthRule {
    private static final int LIMIT = 280;

    @Override
    public int length(String text) {
        return TwitterTextParser.parseTweet(text).weightedLength;
    }

    @Override
    public int limit() {
        return LIMIT;
    }

    @Override
    public String describe() {
        return LIMIT + " weighted characters";
    }
}
