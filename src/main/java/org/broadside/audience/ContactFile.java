package org.broadside.audience;

import java.util.List;
import org.broadside.validation.Problem;

/**
 * What a contacts file holds: its valid rows and everything wrong with the rest.
 *
 * @param contacts the valid rows, in file order, each on the list named on the command line
 * @param problems the invalid rows and whole-file problems, ordered by line
 */
public record ContactFile(List<Contact> contacts, List<Problem> problems) {

    public ContactFile {
        contacts = List.copyOf(contacts);
        problems = List.copyOf(problems);
    }

    static ContactFile refused(Problem problem) {
        return new ContactFile(List.of(), List.of(problem));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
