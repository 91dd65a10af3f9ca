import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.broadside.App;
import org.broadside.audience.ContactImporter;
import org.broadside.camel.Pipeline;
import org.broadside.config.Settings;
import org.broadside.dispatch.DeliveryState;
import org.broadside.release.ReleaseControl;
import org.broadside.store.Sql;

/**
 * Scheduling benchmark (issue 3). Prints:
 *  - the time to arm a release of N recipients (default 10,000) spread over 40 zones with release_zone: recipient
 *    (plan every recipient, write the ledger, arm one Quartz trigger per distinct send instant);
 *  - the delay from a trigger's instant to the first message handed to the transport (the first ledger row
 *    marked sent, after the outbox transport wrote it), over several runs.
 * Run: bench/schedule.sh [recipients] [runs]
 */
public class ScheduleBenchmark {
    private static final List<String> ZONES = List.of("Pacific/Kiritimati", "Pacific/Auckland", "Australia/Sydney",
            "Australia/Adelaide", "Asia/Tokyo", "Asia/Seoul", "Asia/Manila", "Asia/Hong_Kong", "Asia/Jakarta",
            "Asia/Bangkok", "Asia/Dhaka", "Asia/Kathmandu", "Asia/Kolkata", "Asia/Karachi", "Asia/Dubai",
            "Asia/Tehran", "Europe/Moscow", "Africa/Nairobi", "Asia/Beirut", "Africa/Johannesburg", "Europe/Berlin",
            "Europe/Madrid", "Africa/Lagos", "Europe/London", "Africa/Dakar", "Atlantic/Azores", "America/Noronha",
            "America/Sao_Paulo", "America/Santiago", "America/St_Johns", "America/Halifax", "America/New_York",
            "America/Chicago", "America/Mexico_City", "America/Denver", "America/Los_Angeles", "America/Anchorage",
            "Pacific/Honolulu", "Pacific/Marquesas", "Pacific/Pago_Pago");

    public static void main(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path home = Files.createTempDirectory("broadside-bench");
        for (String part : List.of("config", "routes", "templates")) {
            copyTree(Path.of(part), home.resolve(part));
        }
        Path contacts = home.resolve("members.csv");
        StringBuilder csv = new StringBuilder("email,country,organization,timezone\n");
        for (int i = 0; i < recipients; i++) {
            csv.append("member").append(i).append("@org").append(i % 97).append(".example,PH,Org ").append(i)
                    .append(',').append(ZONES.get(i % ZONES.size())).append('\n');
        }
        Files.writeString(contacts, csv);
        System.out.printf("machine: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"));

        try (App app = App.open(Settings.load(home))) {
            new ContactImporter(app.contacts()).importFile(contacts, "members", false);
            app.triggers();
            long[] armMillis = new long[runs];
            for (int run = 0; run < runs; run++) {
                String id = submit(app, home, "bench-" + run, "release: 2027-12-18T09:00\nrelease_zone: recipient\n");
                long start = System.nanoTime();
                ReleaseControl.Armed armed = app.releaseControl().schedule(id, Optional.empty());
                armMillis[run] = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("arm %,d recipients: %d ms (%d triggers)%n", recipients, armMillis[run],
                        armed.triggers().size());
                app.releaseControl().cancel(id);
            }
            System.out.printf("arm, first (cold JVM): %d ms; median of %d: %d ms%n", armMillis[0], runs, median(armMillis));

            try (Pipeline service = Pipeline.create(app, true).start()) {
                service.fireScheduledReleases();
                long[] delayMillis = new long[runs];
                for (int run = 0; run < runs; run++) {
                    String id = submit(app, home, "fire-" + run, "release: 2027-12-18T09:00\nrelease_zone: recipient\n");
                    Instant at = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
                    String releaseId = app.releaseControl().schedule(id, Optional.of(at)).release().id();
                    Instant first = waitForFirstSent(app, releaseId);
                    delayMillis[run] = Duration.between(at, first).toMillis();
                    System.out.printf("trigger at %s, first message handed over %d ms later%n", at, delayMillis[run]);
                    while (app.ledger().counts(releaseId).get(DeliveryState.PENDING) > 0
                            || app.ledger().counts(releaseId).get(DeliveryState.SENDING) > 0) {
                        Thread.sleep(200);
                    }
                }
                System.out.printf("trigger to first message, median of %d: %d ms%n", runs, median(delayMillis));
            }
        } finally {
            deleteTree(home);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String submit(App app, Path home, String id, String releaseLines) throws IOException {
        Path file = home.resolve(id + ".md");
        Files.writeString(file, "---\nid: " + id + "\ntitle: International Migrants Day benchmark\nlanguage: en\n"
                + "date: 2027-12-18\n" + releaseLines + "audiences: [members]\n---\n"
                + "On International Migrants Day we salute the migrant workers who keep the world running.\n");
        app.submission().submit(file);
        app.approvals().approve(id, "bench");
        return id;
    }

    private static Instant waitForFirstSent(App app, String releaseId) throws InterruptedException {
        while (true) {
            Optional<Instant> first = app.database().inTransaction(connection -> Sql.first(connection,
                    "SELECT MIN(sent_at) AS first_sent FROM deliveries WHERE release_id = ?",
                    row -> Sql.instant(row, "first_sent"), releaseId));
            if (first.isPresent()) {
                return first.get();
            }
            Thread.sleep(20);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
