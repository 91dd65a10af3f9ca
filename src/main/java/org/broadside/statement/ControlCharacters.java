package org.broadside.statement;

/**
 * Characters that must not reach a mail header or a file name: a line break ends a header early and
 * lets a value smuggle in headers of its own, and other control characters are invisible to the
 * operator who approves the text.
 */
final class ControlCharacters {

    private ControlCharacters() {
    }

    static boolean isLineBreak(int codePoint) {
        int type = Character.getType(codePoint);
        return codePoint == '\n' || codePoint == '\r' || codePoint == '\u0085'
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    static boolean isBreakOrControl(int codePoint) {
        return isLineBreak(codePoint) || Character.isISOControl(codePoint);
    }

    /** Tab is kept: it is harmless in a header and some people type it. */
    static boolean isForbiddenInOneLine(int codePoint) {
        return codePoint != '\t' && isBreakOrControl(codePoint);
    }
}
