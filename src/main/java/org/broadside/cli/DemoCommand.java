package org.broadside.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.broadside.App;
import org.broadside.audience.ContactImporter;
import org.broadside.audience.ImportReport;
import org.broadside.camel.Pipeline;
import org.broadside.config.ConfigurationException;
import org.broadside.dispatch.DeliveryState;
import org.broadside.dispatch.Ledger;
import org.broadside.intake.Submission;
import org.broadside.release.Release;
import org.broadside.social.Post;
import org.broadside.social.PostThread;
import picocli.CommandLine.Command;

@Command(name = "demo", description = "Import a sample directory of member organizations and journalists, submit, "
        + "approve and release a sample statement in several languages through the outbox, and summarise.")
public final class DemoCommand extends HomeCommand implements Callable<Integer> {
    private static final String RESOURCES = "/org/broadside/demo/";
    private static final List<String> STATEMENTS =
            List.of("migrants-day-en.md", "migrants-day-es.md", "migrants-day-fr.md", "migrants-day-ar.md");
    private static final String APPROVER = "Demo Approver";

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        requireHomeLayout();
        Path samples = copySamples();
        try (App app = openApp()) {
            ContactImporter importer = new ContactImporter(app.contacts(),
                    ZoneId.of(app.settings().require("broadside.release.default-zone")));
            report(importer.importFile(samples.resolve("members.csv"), "members", false), "members");
            report(importer.importFile(samples.resolve("press.csv"), "press", false), "press");
            String id = null;
            for (String name : STATEMENTS) {
                Submission.Result submitted = app.submission().submit(samples.resolve(name));
                out().println("submitted " + submitted.id() + " (" + submitted.language() + "): "
                        + submitted.status().description());
                id = id == null ? submitted.id() : id;
            }
            app.approvals().approve(id, APPROVER);
            out().println("approved " + id + " and its translations as " + APPROVER);
            Release release;
            try (Pipeline pipeline = Pipeline.create(app, false).start()) {
                release = pipeline.template().requestBody("direct:release", id, Release.class);
            }
            summarise(app, release);
            out().printf("done in %.1f s%n", (System.nanoTime() - started) / 1e9);
            return app.ledger().counts(release.id()).get(DeliveryState.FAILED) == 0 ? 0 : ErrorReporter.FAILED;
        }
    }

    private void requireHomeLayout() {
        Path home = settings().home();
        for (String dir : List.of("routes", "templates")) {
            if (!Files.isDirectory(home.resolve(dir))) {
                throw new ConfigurationException(home + " has no " + dir + "/ directory: run the demo from the "
                        + "Broadside directory or pass --home");
            }
        }
    }

    /** Copies the shipped samples under data/demo so that any message about them names a real file. */
    private Path copySamples() throws IOException {
        Path dir = settings().home().resolve("data").resolve("demo");
        Files.createDirectories(dir);
        for (String name : concat(STATEMENTS, List.of("members.csv", "press.csv"))) {
            try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCES + name)) {
                Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    private void report(ImportReport report, String list) {
        out().println("imported " + (report.result().added() + report.result().updated()
                + report.result().unchanged()) + " contacts into list " + list);
    }

    private void summarise(App app, Release release) {
        Ledger ledger = app.ledger();
        out().println();
        out().println("Release " + release.id() + ": " + StatusCommand.describe(ledger.counts(release.id())));
        for (Ledger.Breakdown breakdown : List.of(Ledger.Breakdown.COUNTRY, Ledger.Breakdown.LANGUAGE,
                Ledger.Breakdown.FORMAT)) {
            out().println();
            out().println("Emails by " + breakdown.name().toLowerCase() + ":");
            ledger.countsBy(release.id(), breakdown).forEach((value, counts) ->
                    out().printf("  %-8s %3d%n", value, total(counts)));
        }
        out().println();
        out().println("Social posts (length / the network's limit):");
        for (PostThread thread : app.socialRelease().compose(app.statements().current(release.statementId()))) {
            for (Post post : thread.posts()) {
                out().printf("  %-9s %-3s %5d / %-5d %s%n", post.network().key(), post.language(), post.length(),
                        post.limit(), post.text().replaceAll("\\s*\\R\\s*", " ⏎ "));
            }
        }
        Path outbox = app.settings().path("broadside.outbox.dir").resolve(release.statementId());
        out().println();
        out().println("Output: " + outbox + " (one .eml per recipient, and social.json)");
    }

    private static int total(Map<DeliveryState, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
