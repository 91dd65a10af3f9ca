package org.broadside.social;

/**
 * A place where a text may be shortened.
 *
 * @param end    offset in the original text where the kept part ends
 * @param marker what follows the kept part: nothing after a whole sentence, an ellipsis after a word
 */
record Cut(int end, String marker) {

    String applyTo(String text) {
        return applyTo(text, 0);
    }

    /** The part of {@code text} from {@code start} to this cut, with the marker: one post of a thread. */
    String applyTo(String text, int start) {
        return text.substring(start, end) + marker;
    }
}
