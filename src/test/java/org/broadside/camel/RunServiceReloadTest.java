package org.broadside.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.broadside.testing.ServiceJvm;
import org.broadside.testing.ServiceJvms;
import org.broadside.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code broadside run} in its own JVM, as operators run it: a refused edit is logged and shown by /health. */
class RunServiceReloadTest {
    @RegisterExtension
    final ServiceJvms jvms = new ServiceJvms();
    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theServiceRefusesABrokenEditInItsLogAndHealthAndAppliesTheFix() throws Exception {
        int port = TestHome.freePort();
        TestHome home = new TestHome(dir).set("broadside.http.port", Integer.toString(port));
        home.write("routes/greeting.yaml", greeting("setBody", "one"));
        ServiceJvm service = jvms.run(dir);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> get(port, "/greeting").equals("one"));

        home.write("routes/greeting.yaml", greeting("setBodyy", "two"));

        await().atMost(Duration.ofSeconds(15)).until(() -> service.output().contains(
                "WARN  o.b.c.RouteReload - greeting.yaml:6: Unknown node id: setBodyy (edit refused;"));
        assertThat(get(port, "/greeting")).isEqualTo("one");
        assertThat(get(port, "/health")).contains("\"file\" : \"greeting.yaml\"", "\"line\" : 6");

        home.write("routes/greeting.yaml", greeting("setBody", "three"));

        await().atMost(Duration.ofSeconds(15)).until(() -> get(port, "/greeting").equals("three"));
        assertThat(get(port, "/health")).doesNotContain("greeting.yaml");
    }

    private static String greeting(String step, String text) {
        return """
                - route:
                    id: greeting
                    from:
                      uri: "platform-http:/greeting"
                      steps:
                        - %s:
                            constant: "%s"
                """.formatted(step, text);
    }

    private String get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
