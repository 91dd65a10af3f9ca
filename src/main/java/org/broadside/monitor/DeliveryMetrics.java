package org.broadside.monitor;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadside.camel.RouteConfigStatus;
import org.broadside.dispatch.DeliveryState;
import org.broadside.store.Database;

/**
 * The Prometheus metrics: messages sent, failed, retried, queued and suppressed, and each current release's
 * deliveries per state with its progress, read from the ledger at each scrape; and, from this process, the
 * route edits applied and refused.
 *
 * <p>Plain Micrometer with its Prometheus registry rather than camel-micrometer-prometheus: that component
 * measures Camel's exchanges and serves them on Camel's management server, on its own path and without our
 * bearer token; what operators need here are the ledger's figures, which no route's exchange counts tell
 * (they survive restarts and include what CLI commands and other nodes sent). The ledger's figures are gauges,
 * not counters: a bounce can move a sent delivery to failed, and a counter must start at zero in every process.
 */
public final class DeliveryMetrics {
    /** A finished release's series stay this long after it finished, so a dashboard sees it reach 100%. */
    private static final Duration FINISHED_RELEASES_SHOWN = Duration.ofHours(24);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Database database;
    private final Clock clock;
    private final MultiGauge releaseDeliveries;
    private final MultiGauge releaseProgress;
    private volatile LedgerCounts counts = new LedgerCounts(Map.of(), 0, List.of());

    public DeliveryMetrics(Database database, RouteConfigStatus routeConfig, Clock clock) {
        this.database = database;
        this.clock = clock;
        messages("broadside.messages.sent", "Emails the server accepted", DeliveryState.SENT);
        messages("broadside.messages.failed", "Emails that failed for good (or bounced)", DeliveryState.FAILED);
        messages("broadside.messages.suppressed", "Emails not sent: the address is suppressed",
                DeliveryState.SUPPRESSED);
        messages("broadside.messages.queued", "Emails waiting to be sent or being sent", DeliveryState.PENDING,
                DeliveryState.SENDING);
        Gauge.builder("broadside.messages.retried", this, metrics -> metrics.counts.retried())
                .description("Emails that met a temporary failure or a quota: tried more than once or waiting to be")
                .register(registry);
        releaseDeliveries = MultiGauge.builder("broadside.release.deliveries")
                .description("Deliveries of a current release, per state").register(registry);
        releaseProgress = MultiGauge.builder("broadside.release.progress")
                .description("Share of a current release's deliveries that have an outcome (0 to 1)")
                .register(registry);
        FunctionCounter.builder("broadside.route.reloads", routeConfig, RouteConfigStatus::appliedCount)
                .description("Route file edits while the service ran, by outcome").tag("outcome", "applied")
                .register(registry);
        FunctionCounter.builder("broadside.route.reloads", routeConfig, RouteConfigStatus::refusedCount)
                .description("Route file edits while the service ran, by outcome").tag("outcome", "refused")
                .register(registry);
    }

    private void messages(String name, String description, DeliveryState... states) {
        Gauge.builder(name, this, metrics -> {
            long sum = 0;
            for (DeliveryState state : states) {
                sum += metrics.counts.count(state);
            }
            return sum;
        }).description(description).register(registry);
    }

    /** Reads the ledger and returns every metric in Prometheus's text exposition format (version 0.0.4). */
    public synchronized String scrape() {
        counts = LedgerCounts.read(database, clock.instant().minus(FINISHED_RELEASES_SHOWN));
        Map<String, long[]> progress = new LinkedHashMap<>();
        List<MultiGauge.Row<?>> deliveries = new ArrayList<>();
        for (LedgerCounts.ReleaseCount each : counts.releases()) {
            deliveries.add(MultiGauge.Row.of(Tags.of("release", each.release(),
                    "state", each.state().name().toLowerCase(java.util.Locale.ROOT)), each.count()));
            long[] doneAndAll = progress.computeIfAbsent(each.release(), release -> new long[2]);
            doneAndAll[0] += each.state().isOutcome() ? each.count() : 0;
            doneAndAll[1] += each.count();
        }
        releaseDeliveries.register(deliveries, true);
        List<MultiGauge.Row<?>> ratios = new ArrayList<>();
        progress.forEach((release, doneAndAll) -> ratios.add(MultiGauge.Row.of(Tags.of("release", release),
                doneAndAll[1] == 0 ? 0.0 : (double) doneAndAll[0] / doneAndAll[1])));
        releaseProgress.register(ratios, true);
        return registry.scrape();
    }
}
