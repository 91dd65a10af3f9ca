package org.broadside.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.broadside.App;
import org.broadside.audience.CsvRecords;
import org.broadside.release.Release;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", description = "One CSV row per recipient of a release: state, attempts, last reply, times.")
public final class ReportCommand extends HomeCommand implements Callable<Integer> {
    static final List<String> HEADER = List.of("email", "country", "language", "format", "timezone", "state",
            "attempts", "send_at_utc", "sent_at_utc", "last_reply");

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
            CsvRecords.write(HEADER, out());
            app.ledger().forEachReportRow(release.id(), row -> {
                try {
                    CsvRecords.write(Arrays.asList(row.recipient(), row.country(), row.language(), row.format(),
                            row.timezone(), row.state().name().toLowerCase(java.util.Locale.ROOT),
                            Integer.toString(row.attempts()), String.valueOf(row.sendAt()),
                            row.sentAt() == null ? null : row.sentAt().toString(), row.lastReply()), out());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out().flush();
            return 0;
        }
    }
}
