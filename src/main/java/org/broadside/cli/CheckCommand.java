package org.broadside.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.broadside.camel.Pipeline;
import org.broadside.camel.RouteCheck;
import org.broadside.config.Settings;
import org.broadside.schedule.ObservancesFile;
import org.broadside.statement.StatementParser;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "check", description = "Validate route files (default: routes/*.yaml) and statement files (*.md) "
        + "without changing anything; reports FILE:LINE: reason.")
public final class CheckCommand extends HomeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..*")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Settings settings = settings();
        List<Path> targets = files.isEmpty() ? routeFiles(settings.home().resolve("routes")) : files;
        RouteCheck routes = new RouteCheck(Pipeline.properties(settings, true), Pipeline.beanCatalog());
        StatementParser statements = new StatementParser(settings.integer("broadside.statement.max-bytes"),
                ObservancesFile.load(settings.home().resolve("config").resolve("observances.yaml")).names());
        List<Problem> problems = new ArrayList<>();
        for (Path file : targets) {
            List<Problem> found = new ArrayList<>();
            if (file.toString().endsWith(".md")) {
                try {
                    statements.parse(file);
                } catch (InvalidInputException invalid) {
                    found.addAll(invalid.problems());
                }
            } else {
                found.addAll(routes.check(file));
            }
            if (found.isEmpty()) {
                out().println(file.getFileName() + ": ok");
            }
            problems.addAll(found);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return 0;
    }

    private static List<Path> routeFiles(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
