package org.broadside.validation;

import java.util.OptionalInt;

/**
 * Characters that no single-line value may hold: CR, LF, NEL (U+0085), the line and paragraph separators
 * (U+2028, U+2029) and every other control character except tab. A line break ends a mail header, a CSV row
 * or a log line early and lets the value smuggle in lines of its own; other control characters are invisible
 * to the operator who approves the text. Tab is harmless in all of those and some people type it. Format
 * characters such as ZWJ and the right-to-left mark stay allowed, since names in several scripts need them.
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    /** Every character an editor, a mail client or a terminal may take for the end of a line. */
    public static boolean isLineBreak(int codePoint) {
        int type = Character.getType(codePoint);
        return codePoint == '\n' || codePoint == '\r' || codePoint == '\u0085'
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** A line break or any other control character, tab included: what a message must escape to show it. */
    public static boolean isControl(int codePoint) {
        return isLineBreak(codePoint) || Character.isISOControl(codePoint);
    }

    /** The first character a single-line value must not hold, or empty when it holds none. */
    public static OptionalInt firstForbiddenInOneLine(String value) {
        return value.codePoints().filter(codePoint -> codePoint != '\t' && isControl(codePoint)).findFirst();
    }
}
