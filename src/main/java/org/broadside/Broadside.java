package org.broadside;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.broadside.cli.ApproveCommand;
import org.broadside.cli.CheckCommand;
import org.broadside.cli.ContactsCommand;
import org.broadside.cli.DemoCommand;
import org.broadside.cli.ErrorReporter;
import org.broadside.cli.PreviewCommand;
import org.broadside.cli.ReleaseCommand;
import org.broadside.cli.OperatorCommand;
import org.broadside.cli.ReportCommand;
import org.broadside.cli.RunCommand;
import org.broadside.cli.ScheduleCommand;
import org.broadside.cli.StatusCommand;
import org.broadside.cli.SubmitCommand;
import org.broadside.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code broadside} command: a home directory and the commands that work on it. */
@Command(name = "broadside", mixinStandardHelpOptions = true, version = "Broadside 0.1",
        description = "Press-release distribution: one approved text, every channel, each recipient's local time.",
        subcommands = {DemoCommand.class, RunCommand.class, CheckCommand.class, ContactsCommand.class,
                SubmitCommand.class, ApproveCommand.class, PreviewCommand.class, ScheduleCommand.class,
                ScheduleCommand.Cancel.class, ScheduleCommand.Pause.class, ScheduleCommand.Resume.class,
                ReleaseCommand.class, StatusCommand.class, ReportCommand.class, OperatorCommand.class})
public final class Broadside implements Runnable {

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Holds config/ routes/ templates/ data/ outbox/ (default: $BROADSIDE_HOME, else the current directory).")
    private Path home;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command with the given output streams; returns the exit code (0 ok, 2 invalid input, 1 failure). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Broadside());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required (see --help)");
    }

    /** The home directory this invocation works on. */
    public Path home() {
        if (home != null) {
            return home.toAbsolutePath().normalize();
        }
        String fromEnvironment = System.getenv("BROADSIDE_HOME");
        return Path.of(fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : "")
                .toAbsolutePath().normalize();
    }

    public Settings settings() {
        return Settings.load(home());
    }
}
