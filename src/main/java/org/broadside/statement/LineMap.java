package org.broadside.statement;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Turns a position in the front matter into a line of the file. snakeyaml counts positions in code
 * points and also ends a line at a lone CR; lines are counted here from the position, by LF only, as
 * the rest of the parser and the operator's editor count them.
 */
final class LineMap {
    private final int firstLine;
    private final int[] lineFeedPositions;

    LineMap(String yaml, int firstLine) {
        this.firstLine = firstLine;
        int[] codePoints = yaml.codePoints().toArray();
        this.lineFeedPositions = IntStream.range(0, codePoints.length)
                .filter(i -> codePoints[i] == '\n')
                .toArray();
    }

    int firstLine() {
        return firstLine;
    }

    /** @param position a code point index into the front matter, as snakeyaml reports it */
    int lineAt(int position) {
        int found = Arrays.binarySearch(lineFeedPositions, position);
        int lineFeedsBefore = found >= 0 ? found : -found - 1;
        return firstLine + lineFeedsBefore;
    }

    int lineOf(Optional<Mark> mark) {
        return mark.map(m -> lineAt(m.getIndex())).orElse(firstLine);
    }

    int lineOf(Node node) {
        return lineOf(node.getStartMark());
    }
}
