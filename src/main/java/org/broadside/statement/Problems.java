package org.broadside.statement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;

/** The problems found in one file, collected so that an operator can fix them all after a single run. */
final class Problems {
    private static final int MAX_QUOTED_LENGTH = 60;

    private final String fileName;
    private final List<Problem> found = new ArrayList<>();

    Problems(String fileName) {
        this.fileName = fileName;
    }

    void add(int line, String message) {
        found.add(new Problem(fileName, line, message));
    }

    int count() {
        return found.size();
    }

    /** Ends parsing when anything was found so far, because what comes next cannot be read without it. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw exception();
        }
    }

    /** The problems found so far, in file order. */
    InvalidInputException exception() {
        List<Problem> inFileOrder = new ArrayList<>(found);
        inFileOrder.sort(Comparator.comparingInt(Problem::line));
        return new InvalidInputException(inFileOrder);
    }

    /**
     * Quotes a value for a message. Control characters are escaped so that a message stays on one line
     * and shows the operator exactly what is wrong; long values are cut, the start is enough to find them.
     */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("'");
        int[] codePoints = value.codePoints().toArray();
        for (int i = 0; i < codePoints.length && i < MAX_QUOTED_LENGTH; i++) {
            quoted.append(escaped(codePoints[i]));
        }
        if (codePoints.length > MAX_QUOTED_LENGTH) {
            quoted.append('…');
        }
        return quoted.append('\'').toString();
    }

    private static String escaped(int codePoint) {
        return switch (codePoint) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> ControlCharacters.isBreakOrControl(codePoint)
                    ? String.format("\\u%04X", codePoint)
                    : Character.toString(codePoint);
        };
    }
}
