package org.broadside.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.broadside.camel.RouteConfigStatus;
import org.broadside.store.Database;
import org.broadside.store.Sql;

/**
 * The checks behind {@code GET /health}: the routes are started, the database answers a query, the SMTP server
 * greets (when email goes out over SMTP), and the last refused route edit. Read by the health endpoint and,
 * later, the console.
 */
public final class ServiceHealth {
    private final Supplier<CamelContext> camel;
    private final Database database;
    private final Optional<SmtpProbe> smtp;
    private final RouteConfigStatus routeConfig;

    /** @param smtp present when {@code broadside.transport=smtp} */
    public ServiceHealth(Supplier<CamelContext> camel, Database database, Optional<SmtpProbe> smtp,
                         RouteConfigStatus routeConfig) {
        this.camel = camel;
        this.database = database;
        this.smtp = smtp;
        this.routeConfig = routeConfig;
    }

    public HealthReport check() {
        Map<String, HealthReport.Check> checks = new LinkedHashMap<>();
        checks.put("routes", routes());
        checks.put("database", database());
        smtp.ifPresent(probe -> checks.put("smtp", smtp(probe)));
        checks.put("routeConfig", routeConfig());
        boolean up = checks.values().stream().noneMatch(HealthReport.Check::isDown);
        return new HealthReport(up, checks);
    }

    /** Every route that is meant to start (autoStartup) has started; a stopped or failed one takes it down. */
    private HealthReport.Check routes() {
        CamelContext context = camel.get();
        List<String> notStarted = new ArrayList<>();
        int started = 0;
        for (Route route : context.getRoutes()) {
            if (context.getRouteController().getRouteStatus(route.getRouteId()).isStarted()) {
                started++;
            } else if (!Boolean.FALSE.equals(route.isAutoStartup())) {
                notStarted.add(route.getRouteId());
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("started", started);
        details.put("notStarted", notStarted);
        return context.getStatus().isStarted() && notStarted.isEmpty()
                ? HealthReport.Check.up(details) : HealthReport.Check.down(details);
    }

    private HealthReport.Check database() {
        try {
            database.inTransaction(connection -> Sql.first(connection, "SELECT 1", row -> row.getInt(1)));
            return HealthReport.Check.up(Map.of());
        } catch (RuntimeException e) {
            return HealthReport.Check.down(Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static HealthReport.Check smtp(SmtpProbe probe) {
        SmtpProbe.Result result = probe.probe();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("server", probe.target());
        details.put(result.reachable() ? "greeting" : "error", result.detail());
        details.put("checkedAt", result.checkedAt().toString());
        return result.reachable() ? HealthReport.Check.up(details) : HealthReport.Check.down(details);
    }

    /**
     * A refused route edit is WARN, not DOWN: the previous routes keep running, so a load balancer must not take
     * the node out of service; an operator must fix the file.
     */
    private HealthReport.Check routeConfig() {
        Optional<RouteConfigStatus.RouteConfigError> last = routeConfig.lastError();
        if (last.isEmpty()) {
            return HealthReport.Check.up(Map.of());
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("file", last.get().file());
        error.put("line", last.get().line());
        error.put("reason", last.get().reason());
        error.put("at", last.get().at().toString());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lastError", error);
        details.put("filesWithErrors", routeConfig.errors().size());
        return new HealthReport.Check("WARN", details);
    }
}
