package org.broadside.camel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.model.ModelCamelContext;
import org.broadside.App;
import org.broadside.config.Settings;
import org.broadside.monitor.DeliveryMetrics;
import org.broadside.monitor.MonitorEndpoints;
import org.broadside.monitor.ServiceHealth;
import org.broadside.monitor.SmtpProbe;
import org.broadside.web.ConsoleBeans;

/**
 * The Camel side of Broadside: camel-main with the operator's YAML routes from {@code <home>/routes/},
 * the beans they call, and the merged settings as property placeholders. The same pipeline runs in the
 * service and inside a one-off command such as {@code release --now}; only the service starts the routes
 * that consume from outside (see {@code broadside.service}), and only the service applies edited route files
 * while it runs (see {@link RouteReload}).
 */
public final class Pipeline implements AutoCloseable {
    /** Longest wait for the SMTP server's greeting in the health check: a health probe must answer quickly. */
    private static final Duration SMTP_PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final Main main;
    private final App app;
    private final boolean service;
    private final RouteConfigStatus routeConfigStatus;
    private final ServiceHealth health;
    private RouteDirectoryWatcher watcher;
    private ProducerTemplate template;

    private Pipeline(Main main, App app, boolean service, RouteConfigStatus routeConfigStatus, ServiceHealth health) {
        this.main = main;
        this.app = app;
        this.service = service;
        this.routeConfigStatus = routeConfigStatus;
        this.health = health;
    }

    /** Builds the pipeline without starting it. */
    public static Pipeline create(App app, boolean service) {
        Main main = new Main();
        main.setInitialProperties(properties(app.settings(), service));
        main.configure()
                .withName("broadside")
                .withRoutesIncludePattern("file:" + routesDirectory(app.settings()) + "/*.yaml")
                // Route files are reloaded only through Broadside's own validated reload, never Camel's.
                .withRoutesReloadEnabled(false)
                .withJmxEnabled(false);
        for (Map.Entry<String, Object> bean : app.beans().entrySet()) {
            main.bind(bean.getKey(), bean.getValue());
        }
        RouteConfigStatus status = new RouteConfigStatus();
        ServiceHealth health = new ServiceHealth(main::getCamelContext, app.database(), smtpProbe(app),
                status);
        main.bind("routeConfigStatus", status);
        main.bind("monitorEndpoints", new MonitorEndpoints(health,
                new DeliveryMetrics(app.database(), status, app.clock()),
                app.settings().find("broadside.metrics.token")));
        Pipeline pipeline = new Pipeline(main, app, service, status, health);
        ConsoleBeans.create(app, pipeline::template).forEach(main::bind);
        return pipeline;
    }

    /**
     * What the routes' property placeholders resolve against: the merged settings, plus what tells the service
     * from a one-off command. {@code broadside check} resolves against the service's.
     */
    public static Properties properties(Settings settings, boolean service) {
        Properties properties = settings.asProperties();
        properties.setProperty("broadside.service", Boolean.toString(service));
        // Only the service listens on HTTP (unsubscribe pages); a one-off command never opens a port.
        properties.setProperty("camel.server.enabled", Boolean.toString(service));
        properties.setProperty("camel.server.host", settings.require("broadside.http.host"));
        properties.setProperty("camel.server.port", settings.require("broadside.http.port"));
        return properties;
    }

    /** Every bean a route may name: the application's, the console's and the pipeline's own monitoring beans. */
    public static BeanCatalog beanCatalog() {
        Map<String, Class<?>> types = new LinkedHashMap<>(App.beanTypes());
        types.putAll(ConsoleBeans.types());
        types.put("routeConfigStatus", RouteConfigStatus.class);
        types.put("monitorEndpoints", MonitorEndpoints.class);
        return BeanCatalog.ofTypes(types);
    }

    private static Path routesDirectory(Settings settings) {
        return settings.home().resolve("routes");
    }

    private static Optional<SmtpProbe> smtpProbe(App app) {
        Settings settings = app.settings();
        if (!settings.require("broadside.transport").equals("smtp")) {
            return Optional.empty();
        }
        Duration timeout = Duration.ofMillis(Math.min(SMTP_PROBE_TIMEOUT.toMillis(),
                settings.integer("broadside.smtp.timeout-ms")));
        return Optional.of(new SmtpProbe(settings.require("broadside.smtp.host"),
                settings.integer("broadside.smtp.port"), timeout, app.clock()));
    }

    public Pipeline start() {
        try {
            main.start();
            watchRoutes();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** Runs until the process is told to stop (Ctrl-C, SIGTERM); {@code afterStart} runs once the routes are up. */
    public void runUntilStopped(Runnable afterStart) throws Exception {
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                watchRoutes();
                afterStart.run();
            }

            @Override
            public void beforeStop(BaseMainSupport stopping) {
                stopWatchingRoutes();
            }
        });
        main.run();
    }

    /** In the service: from now on, an edited route file is checked and, if valid, applied. */
    private synchronized void watchRoutes() {
        if (!service || watcher != null) {
            return;
        }
        Path directory = routesDirectory(app.settings());
        RouteReload reload = new RouteReload((ModelCamelContext) context(),
                new RouteCheck(properties(app.settings(), true), BeanCatalog.ofBeans(beans())),
                routeConfigStatus, app.clock());
        try {
            reload.startedWith(directory);
            watcher = RouteDirectoryWatcher.start(directory, reload);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + directory + " for route edits", e);
        }
    }

    private Map<String, Object> beans() {
        Map<String, Object> beans = new LinkedHashMap<>(app.beans());
        beans.put("routeConfigStatus", routeConfigStatus);
        beans.put("monitorEndpoints", context().getRegistry().lookupByName("monitorEndpoints"));
        return beans;
    }

    private synchronized void stopWatchingRoutes() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
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

    /** The refused route edits, for the console (also bound as {@code routeConfigStatus}). */
    public RouteConfigStatus routeConfigStatus() {
        return routeConfigStatus;
    }

    /** The health checks, for the console (the same as {@code GET /health}). */
    public ServiceHealth health() {
        return health;
    }

    @Override
    public void close() {
        stopWatchingRoutes();
        main.stop();
    }
}
