package org.broadside.audience;

import java.util.OptionalInt;

/**
 * Characters no contact field may hold: they would split a CSV row, a mail header or a log line.
 * Format characters such as ZWJ and the right-to-left mark stay allowed, since names in several scripts need them.
 */
final class ControlCharacters {
    private ControlCharacters() {
    }

    static boolean isControl(int codePoint) {
        return Character.isISOControl(codePoint) || isLineBreak(codePoint);
    }

    static boolean isLineBreak(int codePoint) {
        return codePoint == '\n' || codePoint == '\r'
                || Character.getType(codePoint) == Character.LINE_SEPARATOR
                || Character.getType(codePoint) == Character.PARAGRAPH_SEPARATOR;
    }

    static OptionalInt first(String value) {
        return value.codePoints().filter(ControlCharacters::isControl).findFirst();
    }
}
