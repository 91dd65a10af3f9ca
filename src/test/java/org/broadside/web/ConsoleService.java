package org.broadside.web;

import java.nio.file.Path;
import org.broadside.App;
import org.broadside.camel.Pipeline;
import org.broadside.config.Settings;
import org.broadside.testing.Samples;
import org.broadside.testing.TestHome;

/**
 * The service with its console on a free loopback port, over a home holding the submitted (not yet approved)
 * sample statement, three members, an approver "eni" and an editor "ed", both with {@link #PASSWORD}.
 */
final class ConsoleService implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";
    static final String STATEMENT = "may-day-2027";

    final App app;
    final String base;
    private final Pipeline service;

    ConsoleService(Path dir) {
        int port = TestHome.freePort();
        new TestHome(dir).set("broadside.http.port", Integer.toString(port))
                .withSubmittedSample(Samples.CONTACTS)
                .withOperator("eni", Role.APPROVER, PASSWORD)
                .withOperator("ed", Role.EDITOR, PASSWORD);
        app = App.open(Settings.load(dir));
        service = Pipeline.create(app, true).start();
        base = "http://127.0.0.1:" + port;
    }

    boolean approved() {
        return app.approvals().allApproved(app.statements().group(STATEMENT));
    }

    @Override
    public void close() {
        service.close();
        app.close();
    }
}
