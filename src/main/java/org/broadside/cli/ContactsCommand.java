package org.broadside.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.broadside.App;
import org.broadside.audience.ContactCsvWriter;
import org.broadside.audience.ContactImporter;
import org.broadside.audience.ImportReport;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "contacts", description = "Import and list contacts.",
        subcommands = {ContactsCommand.Import.class, ContactsCommand.ListContacts.class, ContactsCommand.Suppress.class})
public final class ContactsCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "contacts needs a subcommand: import, list or suppress");
    }

    @Command(name = "import", description = "Import contacts from CSV (email and country required). "
            + "Any invalid row imports nothing, unless --skip-invalid.")
    public static final class Import extends HomeCommand implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--list", required = true, paramLabel = "NAME", description = "The list every row joins.")
        String list;

        @Option(names = "--skip-invalid", description = "Import the valid rows and exit 0; still report the invalid ones.")
        boolean skipInvalid;

        @Override
        public Integer call() {
            try (App app = openApp()) {
                ZoneId defaultZone = ZoneId.of(app.settings().require("broadside.release.default-zone"));
                ImportReport report = new ContactImporter(app.contacts(), defaultZone)
                        .importFile(file, list, skipInvalid);
                report.skipped().forEach(problem -> err().println(problem + " (skipped)"));
                report.warnings().forEach(warning -> err().println(warning + " (warning)"));
                out().println("imported " + file.getFileName() + " into list " + list + ": "
                        + report.result().added() + " new, " + report.result().updated() + " updated, "
                        + report.result().unchanged() + " unchanged, " + report.skipped().size() + " skipped");
                return 0;
            }
        }
    }

    @Command(name = "list", description = "Print contacts as CSV.")
    public static final class ListContacts extends HomeCommand implements Callable<Integer> {
        @Option(names = "--list", paramLabel = "NAME", description = "Only this list.")
        String list;

        @Override
        public Integer call() throws IOException {
            try (App app = openApp()) {
                new ContactCsvWriter().write(app.contacts().list(Optional.ofNullable(list)), out());
                out().flush();
                return 0;
            }
        }
    }

    @Command(name = "suppress", description = "Never mail an address again, whatever list it is imported into; "
            + "pending deliveries to it are settled as suppressed.")
    public static final class Suppress extends HomeCommand implements Callable<Integer> {
        @Parameters(paramLabel = "EMAIL")
        String email;

        @Option(names = "--reason", paramLabel = "WORD", defaultValue = "manual",
                description = "Why, in a word (default: manual).")
        String reason;

        @Override
        public Integer call() {
            if (email.isBlank() || email.indexOf('@') < 1 || email.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidInputException(new Problem("EMAIL", 0, "'" + email + "' is not an email address"));
            }
            try (App app = openApp()) {
                app.contacts().suppress(email, reason, "suppressed by hand");
                out().println("suppressed " + email.strip().toLowerCase(java.util.Locale.ROOT));
                return 0;
            }
        }
    }
}
