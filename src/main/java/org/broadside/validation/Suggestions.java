package org.broadside.validation;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The "did you mean" for a mistyped name, such as a key, a column or a time zone: an unknown name is
 * usually a typo of a known one.
 */
public final class Suggestions {
    /** Two edits catch a typo such as {@code titel} or {@code Europe/Berln} without suggesting unrelated names. */
    private static final int MAX_EDITS = 2;

    private Suggestions() {
    }

    /**
     * The candidate nearest to {@code given} within two edits, ignoring case so that {@code europe/berlin}
     * suggests {@code Europe/Berlin}; of equally near candidates the alphabetically first, so that the answer
     * does not depend on the order of a set. A name of one or two characters is allowed fewer edits, or it
     * would resemble every short name.
     */
    public static Optional<String> closest(String given, Collection<String> candidates) {
        String typed = given.toLowerCase(Locale.ROOT);
        int allowed = Math.min(MAX_EDITS, typed.length() - 1);
        return candidates.stream()
                .map(candidate -> new Scored(candidate, distance(typed, candidate.toLowerCase(Locale.ROOT))))
                .filter(scored -> scored.edits() <= allowed)
                .min(Comparator.comparingInt(Scored::edits).thenComparing(Scored::candidate))
                .map(Scored::candidate);
    }

    /** {@code " (did you mean 'title'?)"} for the closest candidate, or nothing when none is close. */
    public static String didYouMean(String given, Collection<String> candidates) {
        return closest(given, candidates).map(Suggestions::didYouMean).orElse("");
    }

    /** {@code " (did you mean 'en-US'?)"}, for a suggestion however it was found. */
    public static String didYouMean(String suggestion) {
        return " (did you mean " + Quoted.of(suggestion) + "?)";
    }

    private record Scored(String candidate, int edits) {
    }

    /**
     * Optimal string alignment distance: Levenshtein's insertions, deletions and substitutions, plus a swap
     * of two neighbouring characters as one edit, because that is the commonest typo ({@code emial}).
     */
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
