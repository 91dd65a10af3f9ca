package org.broadside.social;

/**
 * A plain character limit, for networks that state one without defining "character" (LinkedIn, Facebook).
 *
 * <p>We count UTF-16 code units, as a JavaScript composer's {@code text.length} does: an emoji counts 2,
 * a family emoji 11. It is the largest of the plausible readings, so a post that fits here fits however
 * the network counts.
 */
public record CharacterCountRule(int limit) implements LengthRule {

    public CharacterCountRule {
        if (limit < 1) {
            throw new IllegalArgumentException("a character limit is positive, not " + limit);
        }
    }

    @Override
    public int length(String text) {
        return text.length();
    }

    @Override
    public String describe() {
        return limit + " characters";
    }
}
