import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.broadside.App;
import org.broadside.audience.ContactImporter;
import org.broadside.camel.Pipeline;
import org.broadside.config.Settings;
import org.broadside.dispatch.DeliveryState;
import org.broadside.store.Sql;

/**
 * Dispatch benchmark (issue 4): Broadside's SMTP rate next to Postfix's smtp-source, against the same smtp-sink.
 *
 * <ol>
 *   <li>Prepares a fresh home under WORK: N generated contacts in 36 countries and 11 languages (5% on the press
 *       list), the statement in bench/dispatch-statement.{en,es}.md, submitted and approved.</li>
 *   <li>Measures the size of the rendered messages: releases the same statement to 40 contacts drawn the same way
 *       through the outbox transport, in a second home, and averages the .eml files.</li>
 *   <li>Runs {@code smtp-source -d -s C -m N -l SIZE} against the sink and times it (wall time of the process), once
 *       before Broadside and twice after: its rate on a shared machine varies by a third from run to run, and
 *       the median of three, around Broadside's run, is a steadier yardstick than one.</li>
 *   <li>Runs {@code bin/broadside release ID --now --wait} as its own process with the smtp transport pointed at
 *       the sink and the ledger on the embedded H2, samples its peak RSS (VmHWM) and logs its GCs.</li>
 *   <li>Prints both rates: Broadside's from the ledger (first to last sent_at) and from the command's wall time.</li>
 * </ol>
 * Run it through bench/dispatch.sh, which starts and stops the sink; arguments: WORK PORT SINK_LOG N C [XMX [JAVA_OPTIONS]].
 */
public class DispatchBenchmark {
    private static final String STATEMENT_ID = "bench-migrants-day";
    private static final int SIZING_RECIPIENTS = 40;
    /** smtp-source runs: one before Broadside's, the others after; the median rate is the yardstick. */
    private static final int SOURCE_RUNS = 3;
    private static final Pattern SINK_COUNT = Pattern.compile("mesg=(\\d+)");
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    /** USER_HZ: /proc reports CPU time in these ticks; 100 on every mainstream Linux. */
    private static final int CLOCK_TICKS = 100;
    private static final Pattern VM_HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

    /** Country, language and time zone of the member organizations in the demo: 36 countries, 11 languages. */
    private static final List<String[]> PLACES = Stream.of(
            "HK,en,Asia/Hong_Kong", "PH,tl,Asia/Manila", "ID,id,Asia/Jakarta", "NP,ne,Asia/Kathmandu",
            "LK,en,Asia/Colombo", "BD,en,Asia/Dhaka", "KR,en,Asia/Seoul", "JP,en,Asia/Tokyo", "TW,zh,Asia/Taipei",
            "MY,en,Asia/Kuala_Lumpur", "SG,en,Asia/Singapore", "AU,en,Australia/Sydney", "NZ,en,Pacific/Auckland",
            "AE,ar,Asia/Dubai", "LB,ar,Asia/Beirut", "JO,ar,Asia/Amman", "KE,en,Africa/Nairobi",
            "ZA,en,Africa/Johannesburg", "NG,en,Africa/Lagos", "SN,fr,Africa/Dakar", "MA,ar,Africa/Casablanca",
            "ES,es,Europe/Madrid", "IT,it,Europe/Rome", "FR,fr,Europe/Paris", "DE,de,Europe/Berlin",
            "NL,en,Europe/Amsterdam", "GB,en,Europe/London", "CA,en,America/Toronto", "US,en,America/New_York",
            "US,en,America/Los_Angeles", "MX,es,America/Mexico_City", "GT,es,America/Guatemala",
            "HN,es,America/Tegucigalpa", "CL,es,America/Santiago", "BR,pt-BR,America/Sao_Paulo",
            "AR,es,America/Argentina/Buenos_Aires", "KI,en,Pacific/Kiritimati")
            .map(place -> place.split(",")).toList();
    private static final List<String> GIVEN = List.of("Lorna", "Joel", "Siti", "Bishnu", "Nimali", "Rafiq", "Min-ji",
            "Aiko", "Wen-hsin", "Grace", "Mele", "Yusuf", "Banchi", "Layla", "Wanjiru", "Thabo", "Awa", "Rosa", "Luca",
            "Fatou", "Ayşe", "Priya", "Josefina", "Ramon", "Guadalupe", "João", "Lucía", "Teuea");
    private static final List<String> FAMILY = List.of("Dizon", "Bautista", "Rahayu", "Thapa", "Perera", "Hasan",
            "Park", "Tanaka", "Lin", "Lim", "Taufa", "Al-Amin", "Yimer", "Haddad", "Mwangi", "Nkosi", "Diop", "Quispe",
            "Bianchi", "Camara", "Yılmaz", "Sharma", "Cruz", "Aquino", "Hernández", "Silva", "Fernández", "Toatu");

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Path sinkLog = Path.of(args[2]);
        int recipients = Integer.parseInt(args[3]);
        int connections = Integer.parseInt(args[4]);
        Optional<String> xmx = args.length > 5 && !args[5].isBlank() ? Optional.of(args[5]) : Optional.empty();
        String javaOptions = args.length > 6 ? args[6].strip() : "";

        System.out.printf("machine: %d cores, Java %s, %s, load average %s; smtp-sink on 127.0.0.1:%d%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), loadAverage(), port);

        Path home = prepareHome(work.resolve("home"), recipients);
        int messageBytes = renderedMessageBytes(work.resolve("sizing"));
        System.out.printf("release: %,d recipients, %,d connections, messages of %,d bytes on average (rendered .eml)%n",
                recipients, connections, messageBytes);

        long sinkBefore = sinkCount(sinkLog);
        List<Double> sourceSeconds = new ArrayList<>();
        sourceSeconds.add(runSmtpSource(port, recipients, connections, messageBytes));
        long sinkAfterSource = sinkCount(sinkLog);

        BroadsideRun run = runRelease(home, work, port, connections, xmx, javaOptions);
        long sinkAfterBroadside = sinkCount(sinkLog);
        Ledger ledger = readLedger(home);
        for (int again = 0; again < SOURCE_RUNS - 1; again++) {
            sourceSeconds.add(runSmtpSource(port, recipients, connections, messageBytes));
        }
        long sourceReceived = sinkAfterSource - sinkBefore + sinkCount(sinkLog) - sinkAfterBroadside;

        report(recipients, connections, sourceSeconds, sourceReceived, run, ledger,
                sinkAfterBroadside - sinkAfterSource, xmx);
        System.out.println("load average at the end: " + loadAverage());
        System.exit(run.exitCode() == 0 && ledger.sent() == recipients ? 0 : 1);
    }

    // ---- preparation -------------------------------------------------------------------------------------------

    private static Path prepareHome(Path home, int recipients) throws IOException {
        for (String part : List.of("config", "routes", "templates")) {
            copyTree(Path.of(part), home.resolve(part));
        }
        long start = System.nanoTime();
        Path members = home.resolve("members.csv");
        Path press = home.resolve("press.csv");
        writeContacts(members, press, recipients);
        try (App app = App.open(Settings.load(home))) {
            ContactImporter importer = new ContactImporter(app.contacts(), app.defaultZone());
            importer.importFile(members, "members", false);
            importer.importFile(press, "press", false);
            submitAndApprove(app, home);
        }
        System.out.printf("prepared %s: %,d contacts imported, statement approved (%.1f s)%n", home, recipients,
                seconds(System.nanoTime() - start));
        return home;
    }

    /** One contact in twenty is a journalist on the press list; countries, languages and zones rotate. */
    private static void writeContacts(Path members, Path press, int recipients) throws IOException {
        String header = "email,country,organization,contact_name,language,timezone\n";
        StringBuilder memberRows = new StringBuilder(header);
        StringBuilder pressRows = new StringBuilder(header);
        for (int i = 0; i < recipients; i++) {
            String[] place = PLACES.get(i % PLACES.size());
            String country = place[0].toLowerCase(Locale.ROOT);
            boolean journalist = i % 20 == 19;
            String name = GIVEN.get(i % GIVEN.size()) + " " + FAMILY.get((i / GIVEN.size()) % FAMILY.size());
            (journalist ? pressRows : memberRows)
                    .append(journalist ? "desk" : "info").append(i).append("@")
                    .append(journalist ? "news" : "org").append(i % 997).append('-').append(country).append(".example,")
                    .append(place[0]).append(',')
                    .append(journalist ? "Newsroom " : "Migrant Workers Organization ").append(i).append(',')
                    .append(name).append(',').append(place[1]).append(',').append(place[2]).append('\n');
        }
        Files.writeString(members, memberRows, StandardCharsets.UTF_8);
        Files.writeString(press, pressRows, StandardCharsets.UTF_8);
    }

    private static void submitAndApprove(App app, Path home) throws IOException {
        for (String language : List.of("en", "es")) {
            Path statement = home.resolve("statement." + language + ".md");
            Files.copy(Path.of("bench", "dispatch-statement." + language + ".md"), statement);
            app.submission().submit(statement);
        }
        app.approvals().approve(STATEMENT_ID, "bench");
    }

    /** The average size of the .eml files a small release of the same statement writes to the outbox. */
    private static int renderedMessageBytes(Path sizing) throws Exception {
        prepareHome(sizing, SIZING_RECIPIENTS);
        try (App app = App.open(Settings.load(sizing)); Pipeline pipeline = Pipeline.create(app, false).start()) {
            pipeline.template().requestBody("direct:release", STATEMENT_ID);
        }
        List<Long> sizes = new ArrayList<>();
        try (Stream<Path> files = Files.list(sizing.resolve("outbox").resolve(STATEMENT_ID))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                sizes.add(Files.size(file));
            }
        }
        if (sizes.size() != SIZING_RECIPIENTS) {
            throw new IllegalStateException("the sizing release wrote " + sizes.size() + " messages, not "
                    + SIZING_RECIPIENTS);
        }
        System.out.printf("rendered messages: %,d to %,d bytes%n", sizes.stream().mapToLong(Long::longValue).min().orElseThrow(),
                sizes.stream().mapToLong(Long::longValue).max().orElseThrow());
        return (int) Math.round(sizes.stream().mapToLong(Long::longValue).average().orElseThrow());
    }

    // ---- the two senders ---------------------------------------------------------------------------------------

    private static double runSmtpSource(int port, int messages, int connections, int bytes) throws Exception {
        List<String> command = List.of("smtp-source", "-d", "-s", Integer.toString(connections),
                "-m", Integer.toString(messages), "-l", Integer.toString(bytes), "127.0.0.1:" + port);
        System.out.println("running: " + String.join(" ", command));
        long start = System.nanoTime();
        Process source = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(source::destroy));
        int exit = waitFor(source);
        double seconds = seconds(System.nanoTime() - start);
        if (exit != 0) {
            throw new IllegalStateException("smtp-source exited with " + exit);
        }
        return seconds;
    }

    /** The CPU time (user and system, all threads) the process had used by a moment. */
    record CpuSample(Instant at, long ticks) {
    }

    record BroadsideRun(int exitCode, double wallSeconds, Instant started, List<CpuSample> cpu, long peakRssKb,
                        long peakHeapMb, long heapCommittedMb, boolean outOfMemory) {
        double cpuSeconds() {
            return cpu.isEmpty() ? 0 : cpu.get(cpu.size() - 1).ticks() / (double) CLOCK_TICKS;
        }

        /** CPU seconds used between two moments, from the samples nearest to them (taken every 100 ms). */
        double cpuSecondsBetween(Instant from, Instant to) {
            return (ticksAt(to) - ticksAt(from)) / (double) CLOCK_TICKS;
        }

        private long ticksAt(Instant moment) {
            long ticks = 0;
            for (CpuSample sample : cpu) {
                if (sample.at().isAfter(moment)) {
                    break;
                }
                ticks = sample.ticks();
            }
            return ticks;
        }
    }

    private static BroadsideRun runRelease(Path home, Path work, int port, int connections, Optional<String> xmx,
                                           String javaOptions) throws Exception {
        Path gcLog = work.resolve("gc.log");
        Path log = work.resolve("release.log");
        List<String> options = new ArrayList<>(List.of("-Dbroadside.transport=smtp", "-Dbroadside.smtp.host=127.0.0.1",
                "-Dbroadside.smtp.port=" + port, "-Dbroadside.smtp.starttls=off",
                "-Dbroadside.smtp.connections=" + connections, "-Dbroadside.db.url=", "-Xlog:gc:file=" + gcLog));
        xmx.ifPresent(size -> options.add("-Xmx" + size));
        if (!javaOptions.isEmpty()) {
            options.add(javaOptions);
        }
        List<String> command = List.of("bin/broadside", "--home", home.toString(), "release", STATEMENT_ID, "--now",
                "--wait");
        System.out.println("running: BROADSIDE_JAVA_OPTS='" + String.join(" ", options) + "' " + String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(log.toFile());
        builder.environment().put("BROADSIDE_JAVA_OPTS", String.join(" ", options));
        Instant started = Instant.now();
        long start = System.nanoTime();
        Process release = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(release::destroy));
        ErrorEcho errors = new ErrorEcho(release);
        long peakRssKb = 0;
        List<CpuSample> cpu = new ArrayList<>();
        while (release.isAlive()) {
            peakRssKb = Math.max(peakRssKb, vmHwmKb(release.pid()));
            long ticks = cpuTicks(release.pid());
            if (ticks > 0) {
                cpu.add(new CpuSample(Instant.now(), ticks));
            }
            Thread.sleep(100);
        }
        double wall = seconds(System.nanoTime() - start);
        int exit = release.exitValue();
        errors.join();
        System.out.print(Files.readString(log));
        long[] heap = gcHeapPeak(gcLog);
        return new BroadsideRun(exit, wall, started, List.copyOf(cpu), peakRssKb, heap[0], heap[1],
                errors.outOfMemory());
    }

    /** Passes the release's stderr (its progress bar, any error) through, noting an OutOfMemoryError. */
    static final class ErrorEcho extends Thread {
        private final Process process;
        private volatile boolean outOfMemory;

        ErrorEcho(Process process) {
            this.process = process;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            StringBuilder line = new StringBuilder();
            try (var in = new java.io.InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)) {
                for (int c = in.read(); c >= 0; c = in.read()) {
                    System.err.print((char) c);
                    if (c == '\n' || c == '\r') {
                        outOfMemory |= line.indexOf("OutOfMemoryError") >= 0;
                        line.setLength(0);
                    } else {
                        line.append((char) c);
                    }
                }
                outOfMemory |= line.indexOf("OutOfMemoryError") >= 0;
            } catch (IOException closed) {
                // The process is gone; what it wrote has been passed on.
            }
            System.err.flush();
        }

        boolean outOfMemory() {
            return outOfMemory;
        }
    }

    // ---- measurements ------------------------------------------------------------------------------------------

    record Ledger(Map<DeliveryState, Integer> counts, Optional<Instant> firstSent, Optional<Instant> lastSent) {
        int sent() {
            return counts.getOrDefault(DeliveryState.SENT, 0);
        }
    }

    private static Ledger readLedger(Path home) {
        try (App app = App.open(Settings.load(home))) {
            String releaseId = app.releaseService().releaseOf(STATEMENT_ID).id();
            Map<DeliveryState, Integer> counts = new HashMap<>(app.ledger().counts(releaseId));
            Instant[] span = app.database().inTransaction(connection -> Sql.first(connection,
                    "SELECT MIN(sent_at) AS first_sent, MAX(sent_at) AS last_sent FROM deliveries WHERE release_id = ?",
                    row -> new Instant[] {Sql.instant(row, "first_sent"), Sql.instant(row, "last_sent")}, releaseId))
                    .orElseThrow();
            return new Ledger(counts, Optional.ofNullable(span[0]), Optional.ofNullable(span[1]));
        }
    }

    /** The last value of smtp-sink's running counter (-c): messages received since it started. */
    private static long sinkCount(Path sinkLog) throws IOException, InterruptedException {
        Thread.sleep(300); // the sink updates its counter when a session ends
        Matcher counter = SINK_COUNT.matcher(Files.readString(sinkLog, StandardCharsets.ISO_8859_1));
        long last = 0;
        while (counter.find()) {
            last = Long.parseLong(counter.group(1));
        }
        return last;
    }

    /** User and system CPU time used so far, in clock ticks (field 14 and 15 of /proc/PID/stat); 0 when gone. */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Peak resident set so far; 0 when the process is gone or this is not Linux. */
    private static long vmHwmKb(long pid) {
        try {
            Matcher hwm = VM_HWM.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return hwm.find() ? Long.parseLong(hwm.group(1)) : 0;
        } catch (IOException gone) {
            return 0;
        }
    }

    /** The most heap in use before any GC, and the most heap committed, from -Xlog:gc. */
    private static long[] gcHeapPeak(Path gcLog) throws IOException {
        long used = 0;
        long committed = 0;
        if (Files.exists(gcLog)) {
            Matcher pause = GC_HEAP.matcher(Files.readString(gcLog));
            while (pause.find()) {
                used = Math.max(used, Long.parseLong(pause.group(1)));
                committed = Math.max(committed, Long.parseLong(pause.group(3)));
            }
        }
        return new long[] {used, committed};
    }

    // ---- report ------------------------------------------------------------------------------------------------

    private static void report(int recipients, int connections, List<Double> sourceRuns, long sourceReceived,
                               BroadsideRun run, Ledger ledger, long broadsideReceived, Optional<String> xmx) {
        System.out.println();
        System.out.printf("%-62s %9s %9s %11s%n", "", "messages", "seconds", "messages/s");
        double sourceSeconds = sourceRuns.stream().sorted().toList().get(sourceRuns.size() / 2);
        double sourceRate = recipients / sourceSeconds;
        System.out.printf("%-62s %,9d %9.2f %,11.0f%n",
                "smtp-source -d -s " + connections + " (wall time, median of " + sourceRuns.size() + " runs)",
                recipients, sourceSeconds, sourceRate);
        System.out.printf("smtp-source runs: %s messages/s (one before broadside, the others after)%n",
                sourceRuns.stream().map(seconds -> String.format("%,.0f", recipients / seconds))
                        .collect(Collectors.joining(", ")));
        double ledgerRate = 0;
        if (ledger.firstSent().isPresent() && ledger.sent() > 1) {
            double span = Duration.between(ledger.firstSent().get(), ledger.lastSent().get()).toNanos() / 1e9;
            ledgerRate = (ledger.sent() - 1) / span;
            System.out.printf("%-62s %,9d %9.2f %,11.0f%n", "broadside, first to last message sent (ledger sent_at)",
                    ledger.sent(), span, ledgerRate);
        }
        System.out.printf("%-62s %,9d %9.2f %,11.0f%n",
                "broadside release --now --wait (wall time, JVM start to exit)", ledger.sent(), run.wallSeconds(),
                ledger.sent() / run.wallSeconds());
        ledger.firstSent().ifPresent(first -> System.out.printf(
                "broadside: first message sent %.2f s after the command started (JVM, Camel, opening the release)%n",
                Duration.between(run.started(), first).toNanos() / 1e9));
        System.out.printf("broadside CPU time (user + system, all threads): %.1f s in all", run.cpuSeconds());
        if (ledger.firstSent().isPresent() && ledger.sent() > 1) {
            double sending = run.cpuSecondsBetween(ledger.firstSent().get(), ledger.lastSent().get());
            System.out.printf(", %.1f s from first to last message sent: %.2f ms per message", sending,
                    sending * 1000 / (ledger.sent() - 1));
        }
        System.out.println();
        System.out.printf("ratio broadside / smtp-source: %.2f first to last, %.2f wall time (aim: at least 0.50)%n",
                ledgerRate / sourceRate, ledger.sent() / run.wallSeconds() / sourceRate);
        System.out.printf("ledger: %s; smtp-sink received %,d from smtp-source (%d runs) and %,d from broadside%n",
                describe(ledger.counts()), sourceReceived, sourceRuns.size(), broadsideReceived);
        System.out.printf("broadside memory%s: peak heap in use %s MB (committed at most %s MB, from the GC log), "
                        + "peak RSS %,d MB (VmHWM)%n", xmx.map(size -> " with -Xmx" + size).orElse(""),
                run.peakHeapMb() == 0 ? "?" : Long.toString(run.peakHeapMb()),
                run.heapCommittedMb() == 0 ? "?" : Long.toString(run.heapCommittedMb()), run.peakRssKb() / 1024);
        boolean complete = run.exitCode() == 0 && ledger.sent() == recipients;
        System.out.printf("release %s (exit code %d, %,d of %,d sent%s)%n", complete ? "completed" : "DID NOT COMPLETE",
                run.exitCode(), ledger.sent(), recipients, run.outOfMemory() ? "; OutOfMemoryError on stderr" : "");
    }

    private static String describe(Map<DeliveryState, Integer> counts) {
        StringBuilder text = new StringBuilder();
        for (DeliveryState state : DeliveryState.values()) {
            int count = counts.getOrDefault(state, 0);
            if (count > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(String.format("%,d %s", count,
                        state.name().toLowerCase(Locale.ROOT)));
            }
        }
        return text.isEmpty() ? "no deliveries" : text.toString();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static int waitFor(Process process) throws InterruptedException {
        try {
            return process.waitFor();
        } finally {
            process.destroy();
        }
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine makes every rate here lower. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException notLinux) {
            return "unknown";
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
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
