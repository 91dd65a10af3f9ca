package org.broadside.social;

/**
 * How a network measures a post and how much it accepts.
 *
 * <p>Rules measure whole rendered posts (text, link and hashtags together), because networks count
 * what they receive, and some counts (URLs as 23, mentions without their domain) depend on context.
 */
public interface LengthRule {

    /** The length in this network's unit; {@link #describe()} names the unit. */
    int length(String text);

    int limit();

    default boolean fits(String text) {
        return length(text) <= limit();
    }

    /** The limit in words an operator understands, e.g. {@code 280 weighted characters}. */
    String describe();
}
