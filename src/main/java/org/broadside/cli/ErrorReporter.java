package org.broadside.cli;

import java.io.PrintWriter;
import org.broadside.approval.NotApprovedException;
import org.broadside.config.ConfigurationException;
import org.broadside.render.TemplateFailure;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into one line per error on stderr and an exit code: 2 for invalid input or
 * configuration, 1 for everything else. No stack traces: operators get the file, the line and the reason.
 */
public final class ErrorReporter implements IExecutionExceptionHandler {
    public static final int INVALID = 2;
    public static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception thrown, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        Exception e = unwrapped(thrown);
        if (e instanceof InvalidInputException invalid) {
            for (Problem problem : invalid.problems()) {
                err.println(problem);
            }
            return INVALID;
        }
        if (e instanceof ConfigurationException) {
            err.println("configuration: " + oneLine(e.getMessage()));
            return INVALID;
        }
        if (e instanceof NotApprovedException refused) {
            refused.reasons().forEach(reason -> err.println("not released: " + reason));
            return FAILED;
        }
        if (e instanceof TemplateFailure failure) {
            err.println(oneLine(failure.getMessage()));
            return FAILED;
        }
        err.println("error: " + oneLine(String.valueOf(e.getMessage() != null ? e.getMessage() : e)));
        return FAILED;
    }

    /** What a bean threw inside a route, rather than Camel's wrapper around it. */
    private static Exception unwrapped(Exception e) {
        Exception current = e;
        while (current instanceof org.apache.camel.RuntimeCamelException && current.getCause() instanceof Exception cause) {
            current = cause;
        }
        return current;
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
