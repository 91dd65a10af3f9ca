package org.broadside.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * What {@code GET /health} and {@code GET /metrics} answer (see routes/monitoring.yaml). Health needs no
 * session, as load balancers and uptime probes call it; it says UP or DOWN with each check, and 503 when DOWN.
 * Metrics need the bearer token of BROADSIDE_METRICS_TOKEN ({@code broadside.metrics.token}): refused with 401
 * without it, and not there at all (404) while no token is set, since release names and volumes are nobody
 * else's business.
 */
public final class MonitorEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceHealth health;
    private final DeliveryMetrics metrics;
    private final Optional<byte[]> tokenDigest;

    public MonitorEndpoints(ServiceHealth health, DeliveryMetrics metrics, Optional<String> metricsToken) {
        this.health = health;
        this.metrics = metrics;
        this.tokenDigest = metricsToken.map(MonitorEndpoints::sha256);
    }

    public void health(Exchange exchange) throws Exception {
        HealthReport report = health.check();
        ObjectNode body = JSON.createObjectNode();
        body.put("status", report.status());
        ObjectNode checks = body.putObject("checks");
        report.checks().forEach((name, check) -> {
            ObjectNode node = checks.putObject(name);
            node.put("status", check.status());
            check.details().forEach((key, value) -> node.set(key, JSON.valueToTree(value)));
        });
        respond(exchange, report.up() ? 200 : 503, "application/json",
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n");
    }

    public void metrics(Exchange exchange) {
        if (tokenDigest.isEmpty()) {
            respond(exchange, 404, "text/plain; charset=UTF-8", "Not found\n");
            return;
        }
        String authorization = exchange.getMessage().getHeader("Authorization", String.class);
        if (!authorized(authorization)) {
            respond(exchange, 401, "text/plain; charset=UTF-8", "A bearer token is required\n");
            exchange.getMessage().setHeader("WWW-Authenticate", "Bearer realm=\"broadside-metrics\"");
            return;
        }
        respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
    }

    /**
     * Compares digests, not the strings, with {@link MessageDigest#isEqual} (constant time): the time taken tells
     * neither how much of a guess was right nor the token's length.
     */
    private boolean authorized(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(sha256(authorization.substring(7).strip()), tokenDigest.get());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Replaces the request's headers (the Authorization header must never be echoed back) with the answer's. */
    private static void respond(Exchange exchange, int status, String contentType, String body) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
        exchange.getMessage().setHeader("Cache-Control", "no-store");
        exchange.getMessage().setBody(body);
    }
}
