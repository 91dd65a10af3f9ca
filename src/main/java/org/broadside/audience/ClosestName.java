package org.broadside.audience;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The "did you mean" for a mistyped name: the candidate nearest by edit distance, counting a swap of two
 * neighbouring letters as one edit because that is the commonest typo ({@code emial}).
 */
final class ClosestName {
    private static final int MAX_EDITS = 2;

    private ClosestName() {
    }

    /** Case is ignored, so {@code europe/berlin} suggests {@code Europe/Berlin}. */
    static Optional<String> to(String given, Collection<String> candidates) {
        String typed = given.toLowerCase(Locale.ROOT);
        int allowed = Math.min(MAX_EDITS, typed.length() - 1);
        return candidates.stream()
                .map(candidate -> new Scored(candidate, distance(typed, candidate.toLowerCase(Locale.ROOT))))
                .filter(scored -> scored.edits <= allowed)
                .min(Comparator.comparingInt(Scored::edits).thenComparing(Scored::candidate))
                .map(Scored::candidate);
    }

    private record Scored(String candidate, int edits) {
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
