package org.broadside.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;
import org.broadside.web.Operators;
import org.broadside.web.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "operator", description = "Manage who may sign in to the console (config/operators.properties).",
        subcommands = {OperatorCommand.Add.class, OperatorCommand.Remove.class, OperatorCommand.ListOperators.class})
public final class OperatorCommand implements Runnable {
    private static final int MIN_PASSWORD = 12;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "operator needs a subcommand: add, remove or list");
    }

    @Command(name = "add", description = "Add an operator, or give one a new role and password. The password is "
            + "asked for twice on a terminal, or read as one line from standard input (for scripts).")
    public static final class Add extends HomeCommand implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "editor (submit, preview, schedule), approver (also approve) or admin.")
        String role;

        @Override
        public Integer call() throws IOException {
            Role parsedRole;
            try {
                Operators.requireName(name);
                parsedRole = Role.of(role);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(new Problem("operator add", 0, e.getMessage()));
            }
            char[] password = readPassword();
            try {
                new Operators(settings().home()).add(name, parsedRole, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            out().println("operator " + name + " (" + parsedRole.key() + ") can sign in to the console");
            return 0;
        }

        private char[] readPassword() throws IOException {
            Console console = System.console();
            char[] password;
            if (console != null) {
                password = console.readPassword("Password for %s: ", name);
                char[] again = console.readPassword("Again: ");
                boolean same = Arrays.equals(password, again);
                Arrays.fill(again, '\0');
                if (!same) {
                    throw new InvalidInputException(new Problem("password", 0, "the two passwords differ"));
                }
            } else {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                password = line == null ? new char[0] : line.toCharArray();
            }
            if (password.length < MIN_PASSWORD) {
                throw new InvalidInputException(new Problem("password", 0,
                        "use at least " + MIN_PASSWORD + " characters (a few words are easier to remember)"));
            }
            return password;
        }
    }

    @Command(name = "remove", description = "Remove an operator: they can no longer sign in.")
    public static final class Remove extends HomeCommand implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            if (!new Operators(settings().home()).remove(name)) {
                throw new InvalidInputException(new Problem("operator remove", 0, "no operator " + name));
            }
            out().println("removed operator " + name);
            return 0;
        }
    }

    @Command(name = "list", description = "List the operators and their roles.")
    public static final class ListOperators extends HomeCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            new Operators(settings().home()).list().forEach((name, role) -> out().println(name + " " + role.key()));
            return 0;
        }
    }
}
