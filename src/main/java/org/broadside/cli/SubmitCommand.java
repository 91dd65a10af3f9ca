package org.broadside.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.broadside.App;
import org.broadside.statement.ContentHash;
import org.broadside.intake.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "submit", description = "Submit a statement file (Markdown with YAML front matter); prints its id.")
public final class SubmitCommand extends HomeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The statement file.")
    Path file;

    @Override
    public Integer call() {
        try (App app = openApp()) {
            Submission.Result result = app.submission().submit(file);
            out().println(result.id());
            err().println(result.id() + " (" + result.language() + ", sha256 " + ContentHash.abbreviate(result.sha256())
                    + "): " + result.status().description());
            return 0;
        }
    }
}
