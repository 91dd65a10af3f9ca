package org.broadside.cli;

import java.io.IOException;
import java.time.Instant;
import org.broadside.audience.CsvRecords;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.broadside.App;
import org.broadside.release.ReleaseControl;
import org.broadside.schedule.PlanSlots;
import org.broadside.schedule.PlannedDelivery;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "schedule", description = "Show the release plan of an approved statement (who gets it when, in "
        + "their zone) and, without --dry-run, arm it: one trigger per distinct send time. Scheduling again "
        + "replaces the plan and its triggers.")
public final class ScheduleCommand extends HomeCommand implements Callable<Integer> {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "Release everyone at this instant instead (ISO-8601 with offset or Z, e.g. 2026-12-18T01:00Z).")
    String at;

    @Option(names = "--dry-run", description = "Show the plan; arm nothing.")
    boolean dryRun;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (send times with their zones) or csv (one row per recipient).")
    String format;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("csv")) {
            throw new InvalidInputException(new Problem("--format", 0, "must be text or csv, not '" + format + "'"));
        }
        Optional<Instant> override = Optional.ofNullable(at).map(ScheduleCommand::instant);
        try (App app = openApp()) {
            List<PlannedDelivery> plan = new ArrayList<>();
            app.releaseService().plan(id, override, plan::add);
            plan.sort(Comparator.comparing(PlannedDelivery::sendAt).thenComparing(p -> p.contact().email()));
            if (format.equals("csv")) {
                printCsv(plan);
            } else {
                printSlots(plan);
            }
            if (!dryRun) {
                ReleaseControl.Armed armed = app.releaseControl().schedule(id, override);
                err().println((armed.created() ? "scheduled release " : "rescheduled release ")
                        + armed.release().id() + ": " + armed.triggers().size() + " trigger(s)"
                        + (armed.triggers().isEmpty() ? "" : " from " + armed.triggers().get(0) + " to "
                        + armed.triggers().get(armed.triggers().size() - 1)));
            }
            return 0;
        }
    }

    private void printCsv(List<PlannedDelivery> plan) throws IOException {
        CsvRecords.write(List.of("email", "list", "timezone", "send_at_utc", "send_at_local"), out());
        for (PlannedDelivery planned : plan) {
            CsvRecords.write(List.of(planned.contact().email(),
                    planned.contact().lists().stream().sorted().collect(Collectors.joining(";")),
                    planned.zone().getId(), planned.sendAt().toString(),
                    LOCAL.format(planned.sendAt().atZone(planned.zone()))), out());
        }
        out().flush();
    }

    private void printSlots(List<PlannedDelivery> plan) {
        for (PlanSlots.Slot slot : PlanSlots.of(plan).slots()) {
            String zones = slot.zones().stream().map(zone -> zone.getId() + " "
                    + LOCAL.format(slot.sendAt().atZone(zone)).substring(11, 16)).collect(Collectors.joining(", "));
            out().printf("%s  %5d  %s%n", slot.sendAt(), slot.recipients(), zones);
        }
        long embargoed = plan.stream().filter(p -> p.embargoUntil().isPresent()).count();
        if (embargoed > 0) {
            out().println(embargoed + " press recipient(s) under embargo until "
                    + plan.stream().flatMap(p -> p.embargoUntil().stream()).findFirst().orElseThrow().toInstant());
        }
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(new Problem("--at", 0, "'" + value
                    + "' is not an instant with an offset, e.g. 2026-12-18T09:00+08:00 or 2026-12-18T01:00Z"));
        }
    }

    /** A command on one release: cancel, pause or resume. */
    abstract static class ReleaseAction extends HomeCommand implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "A statement or release id.")
        String id;

        abstract org.broadside.release.Release apply(ReleaseControl control, String id);

        @Override
        public Integer call() {
            try (App app = openApp()) {
                org.broadside.release.Release release = apply(app.releaseControl(), id);
                out().println(release.id() + ": " + release.state().label());
                return 0;
            }
        }
    }

    @Command(name = "cancel", description = "Cancel a release: its triggers go and nothing more is sent "
            + "(schedule it again to revive it).")
    public static final class Cancel extends ReleaseAction {
        @Override
        org.broadside.release.Release apply(ReleaseControl control, String id) {
            return control.cancel(id);
        }
    }

    @Command(name = "pause", description = "Pause a release: nothing is sent until it is resumed.")
    public static final class Pause extends ReleaseAction {
        @Override
        org.broadside.release.Release apply(ReleaseControl control, String id) {
            return control.pause(id);
        }
    }

    @Command(name = "resume", description = "Resume a paused release: what came due meanwhile goes at once.")
    public static final class Resume extends ReleaseAction {
        @Override
        org.broadside.release.Release apply(ReleaseControl control, String id) {
            return control.resume(id);
        }
    }
}
