package org.broadside.social.bluesky;

import com.twitter.twittertext.Extractor;
import org.broadside.social.Graphemes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the links and hashtags of a post and gives their positions in UTF-8 bytes, which is how Bluesky indexes
 * facets (a JavaScript or Java string index would be off by one for every emoji, two for every CJK character).
 *
 * <p>The entities are found by twitter-text, as the rest of Broadside finds them when it measures and cuts posts:
 * a post is never cut inside what becomes a facet here. twitter-text takes hashtags of letters and marks in any
 * script ({@code #移工}, {@code #اليوم_الدولي_للمهاجرين}) whole, and links with or without a scheme, as Bluesky's
 * own app does ({@code example.org/x} becomes a link to {@code https://example.org/x}). Like Bluesky's app for
 * links without a scheme, twitter-text links only names under a real top-level domain, and it asks that of links
 * with a scheme too: {@code https://alliance.example} stays text.
 */
public final class Facets {
    /** The lexicon's limits for a tag (app.bsky.richtext.facet#tag): a longer one makes the PDS refuse the post. */
    private static final int TAG_MAX_GRAPHEMES = 64;
    private static final int TAG_MAX_BYTES = 640;

    private static final Extractor ENTITIES = new Extractor();

    private Facets() {
    }

    /** The links and hashtags of the text, in order; overlaps (a URL's {@code #fragment}) already resolved. */
    public static List<Facet> of(String text) {
        List<Facet> facets = new ArrayList<>();
        for (Extractor.Entity entity : ENTITIES.extractEntitiesWithIndices(text)) {
            switch (entity.getType()) {
                case URL -> facets.add(facet(text, entity, Facet.Kind.LINK, withScheme(entity.getValue())));
                case HASHTAG -> {
                    if (isAcceptableTag(entity.getValue())) {
                        facets.add(facet(text, entity, Facet.Kind.TAG, entity.getValue()));
                    }
                }
                default -> {
                    // Mentions would need the account's DID looked up; cashtags mean nothing on Bluesky.
                }
            }
        }
        return facets;
    }

    private static Facet facet(String text, Extractor.Entity entity, Facet.Kind kind, String value) {
        return new Facet(utf8Length(text, entity.getStart()), utf8Length(text, entity.getEnd()), kind, value);
    }

    private static int utf8Length(String text, int end) {
        return text.substring(0, end).getBytes(StandardCharsets.UTF_8).length;
    }

    /** The link feature holds a URI; twitter-text also finds {@code example.org}, which browsers open as https. */
    private static String withScheme(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? url : "https://" + url;
    }

    private static boolean isAcceptableTag(String tag) {
        return tag.getBytes(StandardCharsets.UTF_8).length <= TAG_MAX_BYTES
                && Graphemes.count(tag) <= TAG_MAX_GRAPHEMES;
    }
}
