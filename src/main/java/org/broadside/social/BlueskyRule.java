package org.broadside.social;

import java.nio.charset.StandardCharsets;

/**
 * Bluesky's post record: at most 300 grapheme clusters and at most 3000 UTF-8 bytes. URLs count in full,
 * because the record holds the text as sent. The byte cap matters only for long clusters (a family emoji
 * is 1 grapheme but 25 bytes), so {@link #length} reports graphemes, the unit people see.
 */
public final class BlueskyRule implements LengthRule {
    private static final int MAX_GRAPHEMES = 300;
    private static final int MAX_BYTES = 3000;

    @Override
    public int length(String text) {
        return Graphemes.count(text);
    }

    @Override
    public int limit() {
        return MAX_GRAPHEMES;
    }

    @Override
    public boolean fits(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES && length(text) <= MAX_GRAPHEMES;
    }

    @Override
    public String describe() {
        return MAX_GRAPHEMES + " graphemes and " + MAX_BYTES + " UTF-8 bytes";
    }
}
