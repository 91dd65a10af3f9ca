package org.broadside.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.broadside.App;
import org.broadside.camel.Pipeline;
import org.broadside.dispatch.DeliveryState;
import org.broadside.release.Release;
import org.broadside.release.ReleaseRequest;
import org.broadside.release.ReleaseService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "release", description = "Release an approved statement now, through the routes in routes/. "
        + "Releasing the same approved content again resumes it; nobody is mailed twice.")
public final class ReleaseCommand extends HomeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--now", required = true, description = "Release at once (scheduled releases come later).")
    boolean now;

    @Option(names = "--wait", description = "Show progress and wait until every delivery has an outcome; "
            + "exit 1 if any failed.")
    boolean waitForOutcome;

    @Override
    public Integer call() throws Exception {
        try (App app = openApp()) {
            ReleaseRequest request = new ReleaseRequest(id, app.clock().instant());
            ReleaseService.Opened opened = app.releaseService().open(request);
            Release release = opened.release();
            err().println((opened.created() ? "opened release " : "resuming release ") + release.id());
            try (Pipeline pipeline = Pipeline.create(app, false).start()) {
                if (waitForOutcome) {
                    try (ProgressBar progress = new ProgressBar(err(), () -> app.ledger().counts(release.id()))) {
                        pipeline.template().requestBody("direct:release", request);
                    }
                } else {
                    pipeline.template().requestBody("direct:release", request);
                }
            }
            Map<DeliveryState, Integer> counts = app.ledger().counts(release.id());
            out().println(release.id() + ": " + StatusCommand.describe(counts));
            boolean failed = counts.get(DeliveryState.FAILED) > 0;
            return waitForOutcome && failed ? ErrorReporter.FAILED : 0;
        }
    }
}
