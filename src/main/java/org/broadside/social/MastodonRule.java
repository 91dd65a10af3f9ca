package org.broadside.social;

import com.twitter.twittertext.Extractor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Mastodon's StatusLengthValidator: grapheme clusters of the text after every URL is replaced by the
 * instance's characters per URL (23 unless the instance says otherwise) and every {@code @user@domain} by
 * {@code @user}.
 *
 * <p>Mastodon counts grapheme clusters ({@code each_grapheme_cluster.size}), not code points, so a family
 * emoji is 1 here as it is on the server. The limit is per instance; 500 is Mastodon's default.
 *
 * @param limit            the instance's {@code configuration.statuses.max_characters}
 * @param charactersPerUrl the instance's {@code configuration.statuses.characters_reserved_per_url}
 */
public record MastodonRule(int limit, int charactersPerUrl) implements LengthRule {
    public static final int DEFAULT_LIMIT = 500;
    public static final int DEFAULT_CHARACTERS_PER_URL = 23;

    /** Only URLs with a scheme: Mastodon links (and discounts) nothing else. */
    private static final Extractor URLS = urlsWithScheme();

    public MastodonRule {
        if (limit < 1) {
            throw new IllegalArgumentException("a Mastodon character limit is positive, not " + limit);
        }
        if (charactersPerUrl < 0) {
            throw new IllegalArgumentException("characters per URL are 0 or more, not " + charactersPerUrl);
        }
    }

    public MastodonRule(int limit) {
        this(limit, DEFAULT_CHARACTERS_PER_URL);
    }

    public MastodonRule() {
        this(DEFAULT_LIMIT);
    }

    @Override
    public int length(String text) {
        return Graphemes.count(countable(text));
    }

    @Override
    public String describe() {
        return limit + " characters (each URL counts " + charactersPerUrl + ")";
    }

    private record Replacement(int start, int end, String countsAs) {
    }

    private String countable(String text) {
        StringBuilder countable = new StringBuilder(text.length());
        int copied = 0;
        for (Replacement replacement : withoutOverlaps(replacements(text, "x".repeat(charactersPerUrl)))) {
            countable.append(text, copied, replacement.start()).append(replacement.countsAs());
            copied = replacement.end();
        }
        return countable.append(text, copied, text.length()).toString();
    }

    private static List<Replacement> replacements(String text, String urlCountsAs) {
        List<Replacement> replacements = new ArrayList<>();
        for (Extractor.Entity url : URLS.extractURLsWithIndices(text)) {
            replacements.add(new Replacement(url.getStart(), url.getEnd(), urlCountsAs));
        }
        for (MastodonMentions.Mention mention : MastodonMentions.in(text)) {
            replacements.add(new Replacement(mention.start(), mention.end(),
                    text.substring(mention.start(), mention.userEnd())));
        }
        return replacements;
    }

    /** As Extractor.remove_overlapping_entities: in order of start, an entity overlapping a kept one is dropped. */
    private static List<Replacement> withoutOverlaps(List<Replacement> replacements) {
        replacements.sort(Comparator.comparingInt(Replacement::start));
        List<Replacement> kept = new ArrayList<>();
        for (Replacement replacement : replacements) {
            if (kept.isEmpty() || kept.get(kept.size() - 1).end() <= replacement.start()) {
                kept.add(replacement);
            }
        }
        return kept;
    }

    private static Extractor urlsWithScheme() {
        Extractor extractor = new Extractor();
        extractor.setExtractURLWithoutProtocol(false);
        return extractor;
    }
}
