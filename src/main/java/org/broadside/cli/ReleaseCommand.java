package org.broadside.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.broadside.App;
import org.broadside.camel.Pipeline;
import org.broadside.dispatch.DeliveryState;
import org.broadside.release.Release;
import org.broadside.release.ReleaseState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "release", description = "Release an approved statement now, for everyone, through the routes in "
        + "routes/. Releasing the same approved content again sends only what is still pending.")
public final class ReleaseCommand extends HomeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--now", required = true, description = "Release at once (use schedule for a release time).")
    boolean now;

    @Option(names = "--wait", description = "Show progress and wait until every delivery has an outcome; "
            + "exit 1 if any failed.")
    boolean waitForOutcome;

    @Override
    public Integer call() throws Exception {
        try (App app = openApp(); Pipeline pipeline = Pipeline.create(app, false).start()) {
            Release release;
            if (waitForOutcome) {
                try (ProgressBar progress = new ProgressBar(err(), () -> counts(app))) {
                    release = pipeline.template().requestBody("direct:release", id, Release.class);
                    release = untilEveryOutcome(app, pipeline, release);
                }
            } else {
                release = pipeline.template().requestBody("direct:release", id, Release.class);
            }
            Map<DeliveryState, Integer> counts = app.ledger().counts(release.id());
            out().println(release.id() + ": " + StatusCommand.describe(counts));
            Release now = app.releases().find(release.id()).orElse(release);
            if (now.state() == ReleaseState.PAUSED) {
                err().println(now.id() + ": " + now.pausedReason());
                return ErrorReporter.FAILED;
            }
            return waitForOutcome && counts.get(DeliveryState.FAILED) > 0 ? ErrorReporter.FAILED : 0;
        }
    }

    /**
     * Sends what waits for a retry as each retry comes due, until every delivery has an outcome or the release
     * stops dispatching (paused, by an operator or automatically, or cancelled).
     */
    private static Release untilEveryOutcome(App app, Pipeline pipeline, Release release) throws InterruptedException {
        Release current = release;
        for (Optional<Instant> next = app.ledger().nextRetry(current.id()); next.isPresent() && dispatching(app, current);
             next = app.ledger().nextRetry(current.id())) {
            Duration wait = Duration.between(app.clock().instant(), next.get());
            if (!wait.isNegative()) {
                Thread.sleep(wait.toMillis() + 1);
            }
            current = pipeline.template().requestBody("direct:release-due", current, Release.class);
        }
        return current;
    }

    private static boolean dispatching(App app, Release release) {
        return app.releases().find(release.id()).map(r -> r.state() == ReleaseState.DISPATCHING).orElse(false);
    }

    /** Counts of the statement's latest release, or none before it is opened. */
    private Map<DeliveryState, Integer> counts(App app) {
        return app.statements().find(id).flatMap(s -> app.releases().latestOf(s.originalId()))
                .map(release -> app.ledger().counts(release.id()))
                .orElseGet(() -> app.ledger().counts(""));
    }
}
