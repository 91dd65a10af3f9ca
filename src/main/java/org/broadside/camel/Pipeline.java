package org.broadside.camel;

import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.broadside.App;
import org.broadside.config.Settings;
import org.broadside.web.ConsoleApi;
import org.broadside.web.ConsoleAssets;
import org.broadside.web.ConsoleHeaderFilter;
import org.broadside.web.ConsoleSessions;
import org.broadside.web.ContactsApi;
import org.broadside.web.Operators;
import org.broadside.web.ReleasesApi;
import org.broadside.web.SessionApi;
import org.broadside.web.StatementsApi;

/**
 * The Camel side of Broadside: camel-main with the operator's YAML routes from {@code <home>/routes/},
 * the beans they call, and the merged settings as property placeholders. The same pipeline runs in the
 * service and inside a one-off command such as {@code release --now}; only the service starts the routes
 * that consume from outside (see {@code broadside.service}).
 */
public final class Pipeline implements AutoCloseable {
    private final Main main;
    private final App app;
    private ProducerTemplate template;

    private Pipeline(Main main, App app) {
        this.main = main;
        this.app = app;
    }

    /** Builds the pipeline without starting it. */
    public static Pipeline create(App app, boolean service) {
        Main main = new Main();
        var properties = app.settings().asProperties();
        properties.setProperty("broadside.service", Boolean.toString(service));
        // Only the service listens on HTTP (unsubscribe pages); a one-off command never opens a port.
        properties.setProperty("camel.server.enabled", Boolean.toString(service));
        properties.setProperty("camel.server.host", app.settings().require("broadside.http.host"));
        properties.setProperty("camel.server.port", app.settings().require("broadside.http.port"));
        main.setInitialProperties(properties);
        main.configure()
                .withName("broadside")
                .withRoutesIncludePattern("file:" + app.settings().home().resolve("routes") + "/*.yaml")
                // Route files are reloaded only through Broadside's own validated reload, never Camel's.
                .withRoutesReloadEnabled(false)
                .withJmxEnabled(false);
        for (Map.Entry<String, Object> bean : app.beans().entrySet()) {
            main.bind(bean.getKey(), bean.getValue());
        }
        Pipeline pipeline = new Pipeline(main, app);
        main.bind("consoleApi", consoleApi(app, pipeline));
        main.bind("consoleAssets", new ConsoleAssets());
        main.bind("consoleHeaders", new ConsoleHeaderFilter());
        return pipeline;
    }

    private static ConsoleApi consoleApi(App app, Pipeline pipeline) {
        Settings settings = app.settings();
        ConsoleSessions sessions = new ConsoleSessions(app.clock(), settings.duration("broadside.console.session-idle"),
                settings.duration("broadside.console.session-max"), settings.bool("broadside.console.secure-cookie"));
        return new ConsoleApi(sessions, List.of(
                new SessionApi(new Operators(settings.home()), sessions, app.clock()),
                new StatementsApi(app, pipeline::template),
                new ReleasesApi(app),
                new ContactsApi(app)));
    }

    public Pipeline start() {
        try {
            main.start();
        } catch (RuntimeException e) {
            main.stop();
            throw e;
        }
        return this;
    }

    /** Runs until the process is told to stop (Ctrl-C, SIGTERM); {@code afterStart} runs once the routes are up. */
    public void runUntilStopped(Runnable afterStart) throws Exception {
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                afterStart.run();
            }
        });
        main.run();
    }

    /**
     * Makes this pipeline the one that fired release triggers go to, then starts the scheduler: last, so that a
     * trigger firing at once (one missed while the service was down) finds the routes up.
     */
    public void fireScheduledReleases() {
        ProducerTemplate template = template();
        app.dispatchDueReleasesWith(release -> template.sendBody("direct:release-due", release));
        app.triggers().start();
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /** One template for the pipeline's life, created when first needed (the context exists only then). */
    public synchronized ProducerTemplate template() {
        if (template == null) {
            template = context().createProducerTemplate();
        }
        return template;
    }

    @Override
    public void close() {
        main.stop();
    }
}
