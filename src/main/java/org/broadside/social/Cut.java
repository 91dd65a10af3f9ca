package org.broadside.social;

/**
 * A place where a text may be shortened.
 *
 * @param end    offset in the original text where the kept part ends
 * @param marker what follows the kept part: nothing after a whole sentence, an ellipsis after a word
 */
record Cut(int end, String marker) {

    String applyTo(String text) {
        return text.substring(0, end) + marker;
    }
}
