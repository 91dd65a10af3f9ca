package org.broadside.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import org.broadside.App;
import org.broadside.camel.Pipeline;
import org.broadside.config.Settings;
import org.broadside.testing.Samples;
import org.broadside.testing.ScriptedSmtpServer;
import org.broadside.testing.TestHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /health and GET /metrics on the service's real HTTP server. */
class MonitoringEndpointsTest {
    private static final String TOKEN = "s3cret-metrics-token";

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private TestHome home;
    private int port;

    @BeforeEach
    void home() {
        port = TestHome.freePort();
        home = new TestHome(dir).set("broadside.http.port", Integer.toString(port));
    }

    @Test
    void healthIsUpWithEveryCheckWhenAllIsWell() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of())) {
            home.smtpOnLoopback(smtp.port());
            try (App app = App.open(Settings.load(dir)); Pipeline service = Pipeline.create(app, true).start()) {
                HttpResponse<String> response = get("/health", null);
                HttpResponse<String> again = get("/health", null);

                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
                assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
                JsonNode health = new ObjectMapper().readTree(response.body());
                assertThat(health.path("status").asText()).isEqualTo("UP");
                assertThat(health.at("/checks/routes/status").asText()).isEqualTo("UP");
                assertThat(health.at("/checks/routes/started").asInt())
                        .isEqualTo(service.context().getRoutes().size());
                assertThat(health.at("/checks/database/status").asText()).isEqualTo("UP");
                assertThat(health.at("/checks/smtp/status").asText()).isEqualTo("UP");
                assertThat(health.at("/checks/smtp/greeting").asText()).startsWith("220 ");
                assertThat(health.at("/checks/routeConfig/status").asText()).isEqualTo("UP");
                assertThat(again.statusCode()).isEqualTo(200);
                assertThat(smtp.connections()).as("the probe's answer is reused for a few seconds").isEqualTo(1);
            }
        }
    }

    @Test
    void healthIsDownWith503WhenTheSmtpServerCannotBeReached() throws Exception {
        home.smtpOnLoopback(TestHome.freePort());
        try (App app = App.open(Settings.load(dir)); Pipeline service = Pipeline.create(app, true).start()) {
            HttpResponse<String> response = get("/health", null);

            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode health = new ObjectMapper().readTree(response.body());
            assertThat(health.path("status").asText()).isEqualTo("DOWN");
            assertThat(health.at("/checks/smtp/status").asText()).isEqualTo("DOWN");
            assertThat(health.at("/checks/smtp/error").asText()).contains("Connection refused");
            assertThat(health.at("/checks/database/status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void healthShowsARefusedRouteEditWithoutGoingDown() throws Exception {
        try (App app = App.open(Settings.load(dir)); Pipeline service = Pipeline.create(app, true).start()) {
            home.write("routes/intake.yaml", "- route:\n    id: intake\n    from:\n      uri: \"{{nope}}\"\n");

            org.awaitility.Awaitility.await().until(() -> service.routeConfigStatus().lastError().isPresent());
            HttpResponse<String> response = get("/health", null);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode routeConfig = new ObjectMapper().readTree(response.body()).at("/checks/routeConfig");
            assertThat(routeConfig.path("status").asText()).isEqualTo("WARN");
            assertThat(routeConfig.at("/lastError/file").asText()).isEqualTo("intake.yaml");
            assertThat(routeConfig.at("/lastError/line").asInt()).isEqualTo(4);
            assertThat(routeConfig.at("/lastError/reason").asText()).startsWith("property placeholder {{nope}}");
        }
    }

    @Test
    void metricsCountAReleaseForTheBearerOfTheTokenOnly() throws Exception {
        home.set("broadside.metrics.token", TOKEN).withApprovedSample(Samples.CONTACTS);
        TestHome.Result released = home.run("release", "may-day-2027", "--now", "--wait");
        assertThat(released.exitCode()).as(released.err()).isZero();
        try (App app = App.open(Settings.load(dir)); Pipeline service = Pipeline.create(app, true).start()) {
            String release = app.releases().latestOf("may-day-2027").orElseThrow().id();
            HttpResponse<String> metrics = get("/metrics", "Bearer " + TOKEN);

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
            assertThat(metrics.body()).contains(
                    "broadside_messages_sent 3.0\n",
                    "broadside_messages_failed 0.0\n",
                    "broadside_messages_queued 0.0\n",
                    "broadside_messages_retried 0.0\n",
                    "broadside_release_deliveries{release=\"" + release + "\",state=\"sent\"} 3.0\n",
                    "broadside_release_progress{release=\"" + release + "\"} 1.0\n",
                    "broadside_route_reloads_total{outcome=\"refused\"} 0.0\n");
            assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
            assertThat(get("/metrics", "Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
            assertThat(get("/metrics", "Basic " + TOKEN).statusCode()).isEqualTo(401);
            assertThat(get("/metrics", null).body()).doesNotContain("broadside_messages");
        }
    }

    @Test
    void metricsAreOffWithoutAToken() throws Exception {
        try (App app = App.open(Settings.load(dir)); Pipeline service = Pipeline.create(app, true).start()) {
            assertThat(get("/metrics", "Bearer anything").statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
