package org.broadside.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.broadside.App;
import org.broadside.dispatch.DeliveryState;
import org.broadside.dispatch.Ledger;
import org.broadside.intake.StoredStatement;
import org.broadside.release.Release;
import org.broadside.release.ReleaseState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "status", description = "Without ID: every statement and its state. With ID: its latest release, "
        + "counted per state, country and language.")
public final class StatusCommand extends HomeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", arity = "0..1", description = "A statement or release id.")
    String id;

    @Override
    public Integer call() {
        try (App app = openApp()) {
            if (id == null) {
                overview(app);
            } else {
                detail(app, app.releaseService().releaseOf(id));
            }
            return 0;
        }
    }

    private void overview(App app) {
        Map<String, List<StoredStatement>> groups = app.statements().all().stream()
                .collect(Collectors.groupingBy(StoredStatement::originalId, java.util.LinkedHashMap::new,
                        Collectors.toList()));
        if (groups.isEmpty()) {
            out().println("no statements submitted");
        }
        groups.forEach((originalId, versions) -> {
            String languages = versions.stream().map(StoredStatement::language).collect(Collectors.joining(", "));
            String approval = app.approvals().allApproved(versions) ? "approved" : "needs approval";
            String released = app.releases().latestOf(originalId)
                    .map(r -> "release " + r.id() + " " + r.state().name().toLowerCase() + ": "
                            + describe(app.ledger().counts(r.id())))
                    .orElse("not released");
            out().println(originalId + " [" + languages + "] " + approval + "; " + released);
        });
    }

    private void detail(App app, Release release) {
        out().println("release " + release.id() + " of " + release.statementId() + ": "
                + release.state().name().toLowerCase() + ", opened " + release.createdAt()
                + (release.finishedAt() != null ? ", finished " + release.finishedAt() : ""));
        if (release.state() == ReleaseState.PAUSED && release.pausedReason() != null) {
            out().println("  " + release.pausedReason());
        }
        out().println("  " + describe(app.ledger().counts(release.id())));
        for (Ledger.Breakdown breakdown : Ledger.Breakdown.values()) {
            out().println("by " + breakdown.name().toLowerCase() + ":");
            app.ledger().countsBy(release.id(), breakdown).forEach((value, counts) ->
                    out().println("  " + value + ": " + describe(counts)));
        }
    }

    /** "12 sent, 1 failed, 0 pending" with every state that has deliveries, and the total. */
    static String describe(Map<DeliveryState, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        String parts = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase())
                .collect(Collectors.joining(", "));
        return total + " deliveries" + (parts.isEmpty() ? "" : ": " + parts);
    }
}
