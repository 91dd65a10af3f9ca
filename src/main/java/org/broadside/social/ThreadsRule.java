package org.broadside.social;

import com.ibm.icu.text.UnicodeSet;

import java.nio.charset.StandardCharsets;

/**
 * Threads: 500 characters, where Meta's API documents that an emoji counts as its UTF-8 bytes (👋 is 4,
 * a family emoji 25).
 *
 * <p>Meta does not say whether the other characters count as code points or grapheme clusters. We count
 * code points: never fewer than clusters, so a Devanagari or Arabic text with combining marks is at worst
 * cut a few characters early, never rejected by the API.
 */
public final class ThreadsRule implements LengthRule {
    private static final int LIMIT = 500;

    /** A cluster holding any of these is an emoji: pictographs, flag halves, keycaps like 1️⃣. */
    private static final UnicodeSet EMOJI =
            new UnicodeSet("[[:Extended_Pictographic:][:Regional_Indicator:]\\u20E3]").freeze();

    @Override
    public int length(String text) {
        int[] boundaries = Graphemes.boundaries(text);
        int length = 0;
        for (int i = 1; i < boundaries.length; i++) {
            length += clusterLength(text.substring(boundaries[i - 1], boundaries[i]));
        }
        return length;
    }

    private static int clusterLength(String cluster) {
        return EMOJI.containsSome(cluster)
                ? cluster.getBytes(StandardCharsets.UTF_8).length
                : cluster.codePointCount(0, cluster.length());
    }

    @Override
    public int limit() {
        return LIMIT;
    }

    @Override
    public String describe() {
        return LIMIT + " characters (an emoji counts its UTF-8 bytes)";
    }
}
