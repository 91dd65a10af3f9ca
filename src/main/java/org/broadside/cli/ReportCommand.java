package org.broadside.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.broadside.App;
import org.broadside.dispatch.DeliveryReport;
import org.broadside.release.Release;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", description = "One CSV row per recipient of a release: state, attempts, soft bounces, times, last reply.")
public final class ReportCommand extends HomeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "A statement or release id.")
    String id;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv (the only format).")
    String format;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("csv")) {
            throw new InvalidInputException(new Problem("--format", 0, "must be csv, not '" + format + "'"));
        }
        try (App app = openApp()) {
            Release release = app.releaseService().releaseOf(id);
            new DeliveryReport(app.ledger()).writeCsv(release.id(), out());
            out().flush();
            return 0;
        }
    }
}
