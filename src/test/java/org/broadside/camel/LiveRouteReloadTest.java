package org.broadside.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.broadside.App;
import org.broadside.camel.RouteConfigStatus.RouteConfigError;
import org.broadside.config.Settings;
import org.broadside.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Route files edited while the service runs, against its real HTTP server: a valid edit takes effect, an invalid
 * one is refused with its file and line while the route it would have replaced keeps answering.
 */
class LiveRouteReloadTest {
    private static final Duration APPLIED_WITHIN = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private TestHome home;
    private int port;
    private App app;
    private Pipeline service;

    @BeforeEach
    void startService() {
        port = TestHome.freePort();
        home = new TestHome(dir).set("broadside.http.port", Integer.toString(port));
        home.write("routes/greeting.yaml", greeting("hello, version one"));
        app = App.open(Settings.load(dir));
        service = Pipeline.create(app, true).start();
    }

    @AfterEach
    void stopService() {
        service.close();
        app.close();
    }

    @Test
    void aValidEditTakesEffectWithoutARestart() throws Exception {
        assertThat(get("/greeting")).isEqualTo("hello, version one");

        home.write("routes/greeting.yaml", greeting("hello, version two"));

        await().atMost(APPLIED_WITHIN).until(() -> get("/greeting").equals("hello, version two"));
        assertThat(service.routeConfigStatus().errors()).isEmpty();
        assertThat(service.routeConfigStatus().appliedCount()).isEqualTo(1);
    }

    @Test
    void anInvalidEditIsRefusedWithItsLineAndTheOldRouteKeepsAnswering() throws Exception {
        home.write("routes/greeting.yaml", greeting("hello, version one").replace("- setBody:", "- setBod:"));

        RouteConfigError unknownStep = awaitError();
        assertThat(unknownStep.file()).isEqualTo("greeting.yaml");
        assertThat(unknownStep.line()).isEqualTo(8);
        assertThat(unknownStep.reason()).isEqualTo("Unknown node id: setBod");
        assertThat(get("/greeting")).isEqualTo("hello, version one");

        home.write("routes/greeting.yaml", greeting("{{broadside.greeting}}"));

        RouteConfigError unresolved = awaitError(error -> error.reason().contains("{{broadside.greeting}}"));
        assertThat(unresolved.line()).isEqualTo(9);
        assertThat(get("/greeting")).isEqualTo("hello, version one");

        home.write("routes/greeting.yaml", greeting("hello, version one").replace("id: greeting", "id: [greeting"));

        RouteConfigError badYaml = awaitError(error -> error.reason().contains("flow"));
        assertThat(badYaml.line()).isEqualTo(2);
        assertThat(get("/greeting")).isEqualTo("hello, version one");
        assertThat(service.routeConfigStatus().refusedCount()).isEqualTo(3);
        assertThat(service.routeConfigStatus().appliedCount()).isZero();
    }

    @Test
    void aValidEditAfterARefusedOneClearsTheError() throws Exception {
        home.write("routes/greeting.yaml", greeting("hello").replace("platform-http:/greeting", "nosuch:greeting"));
        assertThat(awaitError().line()).isEqualTo(4);

        home.write("routes/greeting.yaml", greeting("hello, fixed"));

        await().atMost(APPLIED_WITHIN).until(() -> get("/greeting").equals("hello, fixed"));
        assertThat(service.routeConfigStatus().lastError()).isEmpty();
    }

    @Test
    void anEditorsTemporaryFileRenamedIntoPlaceIsAppliedOnce() throws Exception {
        Path temporary = home.write("routes/.greeting.yaml.swp", greeting("hello, renamed"));

        Files.move(temporary, dir.resolve("routes/greeting.yaml"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);

        await().atMost(APPLIED_WITHIN).until(() -> get("/greeting").equals("hello, renamed"));
        assertThat(service.routeConfigStatus().errors()).isEmpty();
    }

    @Test
    void routesAddedToAFileStartAndRoutesTakenOutOfItStop() throws Exception {
        home.write("routes/greeting.yaml", greeting("hello") + greeting("farewell").replace("greeting", "farewell"));
        await().atMost(APPLIED_WITHIN).until(() -> get("/farewell").equals("farewell"));

        home.write("routes/greeting.yaml", greeting("hello again"));

        await().atMost(APPLIED_WITHIN).until(() -> get("/greeting").equals("hello again"));
        assertThat(status("/farewell")).isEqualTo(404);
        assertThat(service.context().getRoute("farewell")).isNull();
        assertThat(service.context().getRoute("release-due")).as("other files' routes untouched").isNotNull();
    }

    @Test
    void aRouteIdTakenByAnotherFileIsRefused() throws Exception {
        home.write("routes/greeting.yaml", greeting("hello").replace("id: greeting", "id: release-due"));

        RouteConfigError clash = awaitError();

        assertThat(clash.toString()).isEqualTo(
                "greeting.yaml:1: route id 'release-due' is already used by a route in release-due.yaml");
        assertThat(service.context().getRoute("release-due").getEndpoint().getEndpointUri())
                .isEqualTo("direct://release-due");
    }

    @Test
    void anEditedRouteConfigurationIsBuiltIntoTheRoutesOfOtherFilesThatUseIt() throws Exception {
        org.apache.camel.Route before = service.context().getRoute("dispatch-email");
        String errors = Files.readString(dir.resolve("routes/errors.yaml"));

        home.write("routes/errors.yaml", errors.replace("attempt failed:", "attempt did not go through:"));

        await().atMost(APPLIED_WITHIN).until(() -> service.routeConfigStatus().appliedCount() == 1);
        org.apache.camel.Route after = service.context().getRoute("dispatch-email");
        assertThat(after).isNotSameAs(before);
        assertThat(service.context().getRouteController().getRouteStatus("dispatch-email").isStarted()).isTrue();
        assertThat(service.routeConfigStatus().errors()).isEmpty();
    }

    @Test
    void theCheckKnowsEveryBeanTheAppBinds() {
        assertThat(App.beanTypes().keySet()).containsExactlyElementsOf(app.beans().keySet());
        app.beans().forEach((name, bean) -> assertThat(bean).as(name).isInstanceOf(App.beanTypes().get(name)));
    }

    private static String greeting(String text) {
        return """
                - route:
                    id: greeting
                    from:
                      uri: "platform-http:/greeting"
                      parameters:
                        httpMethodRestrict: "GET"
                      steps:
                        - setBody:
                            constant: "%s"
                """.formatted(text);
    }

    private RouteConfigError awaitError() {
        return awaitError(error -> true);
    }

    private RouteConfigError awaitError(java.util.function.Predicate<RouteConfigError> matching) {
        return await().atMost(APPLIED_WITHIN).until(() -> service.routeConfigStatus().lastError(),
                error -> error.isPresent() && matching.test(error.get())).orElseThrow();
    }

    private String get(String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    private int status(String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
    }
}
