package org.broadside.statement;

import java.util.OptionalInt;
import org.broadside.validation.ControlCharacters;
import org.broadside.validation.Quoted;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One value of the front matter, with the name problems call it by and the line it is written on.
 *
 * @param name  as messages name it: {@code title}, {@code contact email}, {@code hashtag}
 * @param lines for the lines of values nested in this one
 */
record Field(String name, Node node, int line, LineMap lines) {

    /** A value nested in this one, such as a list item, located by its own line. */
    Field nested(String nestedName, Node nestedNode) {
        return new Field(nestedName, nestedNode, lines.lineOf(nestedNode), lines);
    }

    /** Written with nothing after the colon, as {@code ~} or {@code null}, or as blank text. */
    boolean isEmpty() {
        return node instanceof ScalarNode scalar
                && (Tag.NULL.equals(scalar.getTag()) || scalar.getValue().isBlank());
    }

    /** The value as written, or null when it is a list or a mapping (reported). */
    String text(Problems problems) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        report("must be a single value, not " + describe(node), problems);
        return null;
    }

    /**
     * The value for a field that can end up in a mail header or a file name: one line, no control
     * characters. A block scalar ({@code |}) would otherwise carry a line break into a title.
     */
    String singleLine(Problems problems) {
        String text = text(problems);
        if (text == null) {
            return null;
        }
        OptionalInt forbidden = ControlCharacters.firstForbiddenInOneLine(text);
        if (forbidden.isEmpty()) {
            return text;
        }
        int codePoint = forbidden.getAsInt();
        reportValue(text, ControlCharacters.isLineBreak(codePoint)
                ? "contains a line break"
                : String.format("contains control character U+%04X", codePoint), problems);
        return null;
    }

    /** Reports what is wrong with this field, as in "title is empty". */
    void report(String complaint, Problems problems) {
        problems.add(line, name + " " + complaint);
    }

    /** Reports what is wrong with the value as written, as in "release_zone 'Mars/Base' is not a known time zone". */
    void reportValue(String written, String complaint, Problems problems) {
        report(Quoted.of(written) + " " + complaint, problems);
    }

    /** What a node is, in the words of a message: "a list". */
    static String describe(Node node) {
        return switch (node.getNodeType()) {
            case SCALAR -> "a single value";
            case SEQUENCE -> "a list";
            case MAPPING -> "a mapping";
            case ANCHOR -> "an anchor";
        };
    }
}
