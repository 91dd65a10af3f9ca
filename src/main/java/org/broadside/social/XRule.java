package org.broadside.social;

import com.twitter.twittertext.TwitterTextParser;

/**
 * X's weighted length, computed by X's own twitter-text library: most Latin, Cyrillic and Greek
 * characters count 1, CJK characters and each emoji sequence count 2, every URL counts 23.
 * {@code XRuleConformanceTest} holds it to twitter-text's conformance cases.
 */
public final class XRule implements LengthRule {
    private static final int LIMIT = 280;

    @Override
    public int length(String text) {
        return TwitterTextParser.parseTweet(text).weightedLength;
    }

    /**
     * Also what X refuses at any length: an empty post, and one holding a character twitter-text calls invalid
     * (U+FFFE, U+FEFF, U+FFFF), which X rejects however short the post is.
     */
    @Override
    public boolean fits(String text) {
        return TwitterTextParser.parseTweet(text).isValid;
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
