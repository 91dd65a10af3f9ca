package org.broadside.statement;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The id a statement gets from its title when its front matter names none: lower-case ASCII words
 * joined by '-', at most {@value #MAX_LENGTH} characters, so that it is safe in file names and links.
 */
final class Slug {
    static final int MAX_LENGTH = 80;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-|-$");

    private Slug() {
    }

    /** Empty when the title has no Latin letters or digits, as an all-Arabic title has none. */
    static String of(String title) {
        String withoutAccents = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD)).replaceAll("");
        String hyphenated = NOT_SLUG.matcher(withoutAccents.toLowerCase(Locale.ROOT)).replaceAll("-");
        return shortened(EDGE_HYPHENS.matcher(hyphenated).replaceAll(""));
    }

    /** Cut at the last '-' that fits, so that no word is cut in half, unless one word is longer than that. */
    private static String shortened(String slug) {
        if (slug.length() <= MAX_LENGTH) {
            return slug;
        }
        int lastBoundary = slug.lastIndexOf('-', MAX_LENGTH);
        return slug.substring(0, lastBoundary > 0 ? lastBoundary : MAX_LENGTH);
    }
}
