package org.broadside.statement;

import java.util.Optional;

/**
 * A statement file cut into its YAML front matter and its Markdown body. Lines end with LF or CRLF and
 * are numbered from 1, as an editor shows them.
 *
 * @param yaml          the text between the two {@code ---} lines
 * @param body          everything after the closing {@code ---} line
 * @param bodyFirstLine the line just after the closing {@code ---}
 */
record FrontMatter(String yaml, String body, int bodyFirstLine) {
    /** The front matter must open the file, so its opening {@code ---} is always line 1. */
    static final int OPENING_LINE = 1;
    static final int YAML_FIRST_LINE = OPENING_LINE + 1;

    private static final String FENCE = "---";

    static Optional<FrontMatter> split(String text, Problems problems) {
        int openingEnd = endOfLine(text, 0);
        if (!isFence(text, 0, openingEnd)) {
            problems.add(OPENING_LINE, "no front matter: the file must begin with a '---' line");
            return Optional.empty();
        }
        int yamlStart = startOfNextLine(text, openingEnd);
        int line = YAML_FIRST_LINE;
        for (int start = yamlStart; start < text.length(); line++) {
            int end = endOfLine(text, start);
            if (isFence(text, start, end)) {
                String body = text.substring(startOfNextLine(text, end));
                return Optional.of(new FrontMatter(text.substring(yamlStart, start), body, line + 1));
            }
            start = startOfNextLine(text, end);
        }
        problems.add(OPENING_LINE, "front matter is not closed: no '---' line follows the one at line 1");
        return Optional.empty();
    }

    private static int endOfLine(String text, int from) {
        int lineFeed = text.indexOf('\n', from);
        return lineFeed < 0 ? text.length() : lineFeed;
    }

    private static int startOfNextLine(String text, int endOfLine) {
        return Math.min(endOfLine + 1, text.length());
    }

    /** Trailing blanks and the CR of a CRLF line are invisible in an editor, so they do not spoil a fence. */
    private static boolean isFence(String text, int start, int end) {
        return text.substring(start, end).stripTrailing().equals(FENCE);
    }
}
