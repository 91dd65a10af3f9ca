package org.broadside.release;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.broadside.intake.KeyLine;
import org.broadside.statement.Statement;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;

/**
 * Who a statement goes to, read from its {@code audiences}: contact lists for email, and {@code social}
 * for the networks. No audiences at all means every list and the networks.
 *
 * @param lists the contact lists to mail; empty with {@code everyList} false means no email at all
 */
public record Audience(boolean everyList, Set<String> lists, boolean social) {
    public static final String SOCIAL = "social";

    /**
     * @param knownLists the lists that exist, so that a misspelt list is an error and not a silent no-op
     */
    public static Audience of(Statement statement, String sourceName, Set<String> knownLists) {
        if (statement.audiences().isEmpty()) {
            return new Audience(true, Set.of(), true);
        }
        Set<String> lists = new LinkedHashSet<>(statement.audiences());
        boolean social = lists.remove(SOCIAL);
        List<String> unknown = lists.stream().filter(name -> !knownLists.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(new Problem(sourceName, KeyLine.of(statement.source(), "audiences"),
                    "audiences name no contact list " + unknown.stream().map(n -> "'" + n + "'")
                            .collect(Collectors.joining(", ")) + " (lists: "
                            + (knownLists.isEmpty() ? "none imported" : String.join(", ", knownLists)) + ")"));
        }
        return new Audience(false, Set.copyOf(lists), social);
    }

    public boolean mailsAnyone() {
        return everyList || !lists.isEmpty();
    }
}
