package org.broadside.audience;

import java.util.regex.Pattern;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;
import org.broadside.validation.Quoted;

/** The rule for list names, which operators type on the command line and in statements' audiences. */
public final class ListName {
    public static final String RULE =
            "lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 100 characters";

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");

    private ListName() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** Checks a {@code --list} argument; the problem is reported against the option, as there is no file line to blame. */
    public static String requireValid(String name) {
        if (!isValid(name)) {
            throw new InvalidInputException(new Problem("--list", 0,
                    (name == null ? "a list name is required" : Quoted.of(name) + " is not a valid list name")
                            + " (" + RULE + ")"));
        }
        return name;
    }
}
