package org.broadside.social;

import com.ibm.icu.text.BreakIterator;

import java.util.Arrays;

/** Extended grapheme clusters, the units a reader sees as one character (a flag, a family emoji, "स्ते"). */
public final class Graphemes {

    private Graphemes() {
    }

    public static int count(String text) {
        BreakIterator clusters = iterate(text);
        int count = 0;
        while (clusters.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }

    /** Every offset between two clusters, starting with 0 and ending with {@code text.length()}. */
    static int[] boundaries(String text) {
        BreakIterator clusters = iterate(text);
        int[] boundaries = new int[text.length() + 1];
        int count = 0;
        for (int offset = clusters.first(); offset != BreakIterator.DONE; offset = clusters.next()) {
            boundaries[count++] = offset;
        }
        return Arrays.copyOf(boundaries, count);
    }

    private static BreakIterator iterate(String text) {
        BreakIterator clusters = BreakIterator.getCharacterInstance();
        clusters.setText(text);
        return clusters;
    }
}
