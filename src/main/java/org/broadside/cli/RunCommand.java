package org.broadside.cli;

import java.util.concurrent.Callable;
import org.broadside.App;
import org.broadside.camel.Pipeline;
import picocli.CommandLine.Command;

@Command(name = "run", description = "Run the service: fire scheduled releases, take statements from the inbox, "
        + "finish releases in progress; until stopped.")
public final class RunCommand extends HomeCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        // Before anything logs: the service reports what it does, one-off commands only warn.
        System.setProperty("broadside.log.level", "INFO");
        try (App app = openApp(); Pipeline pipeline = Pipeline.create(app, true)) {
            pipeline.runUntilStopped(pipeline::fireScheduledReleases);
            return 0;
        }
    }
}
