package org.broadside.validation;

/**
 * A value as it appears inside a problem message: quoted, with control characters escaped so that a
 * hostile or broken value cannot break the operator's terminal or forge extra report lines, and cut short,
 * since its start is enough to find it in the file.
 */
public final class Quoted {
    private static final int MAX_CODE_POINTS = 80;

    private Quoted() {
    }

    public static String of(String value) {
        StringBuilder shown = new StringBuilder("'");
        int shownCodePoints = 0;
        for (int i = 0; i < value.length(); i = value.offsetByCodePoints(i, 1)) {
            if (shownCodePoints++ == MAX_CODE_POINTS) {
                shown.append('…');
                break;
            }
            appendEscaped(shown, value.codePointAt(i));
        }
        return shown.append('\'').toString();
    }

    private static void appendEscaped(StringBuilder shown, int codePoint) {
        switch (codePoint) {
            case '\n' -> shown.append("\\n");
            case '\r' -> shown.append("\\r");
            case '\t' -> shown.append("\\t");
            default -> {
                if (ControlCharacters.isControl(codePoint)) {
                    shown.append(String.format("\\u%04X", codePoint));
                } else {
                    shown.appendCodePoint(codePoint);
                }
            }
        }
    }
}
