package org.broadside.statement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;

/** The problems found in one file, collected so that an operator can fix them all after a single run. */
final class Problems {
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
}
