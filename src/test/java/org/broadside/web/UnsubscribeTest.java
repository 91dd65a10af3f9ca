package org.broadside.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.broadside.App;
import org.broadside.camel.Pipeline;
import org.broadside.config.Settings;
import org.broadside.testing.Samples;
import org.broadside.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The List-Unsubscribe URL against the service's real HTTP server. */
class UnsubscribeTest {
    private static final String ADDRESS = "info@kasama.example";

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void oneClickPostWithAGenuineTokenSuppressesAndATamperedOneChangesNothing() throws Exception {
        int port = TestHome.freePort();
        TestHome home = new TestHome(dir).set("broadside.http.port", Integer.toString(port));
        home.run("contacts", "import", home.write("m.csv", Samples.CONTACTS).toString(), "--list", "members");
        try (App app = App.open(Settings.load(dir)); Pipeline service = Pipeline.create(app, true).start()) {
            String url = app.unsubscribeLinks().of(ADDRESS).url().replace("https://news.alliance.example",
                    "http://127.0.0.1:" + port);
            String token = url.substring(url.indexOf("token=") + 6);

            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Stop emails to info@kasama.example?", "method=\"post\"");
            assertThat(app.contacts().isSuppressed(ADDRESS)).as("a GET changes nothing").isFalse();

            String tampered = url.replace(token, token.substring(0, token.length() - 2)
                    + (token.endsWith("AA") ? "BB" : "AA"));
            HttpResponse<String> refused = post(tampered);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(app.contacts().isSuppressed(ADDRESS)).isFalse();

            HttpResponse<String> done = post(url);
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(app.contacts().isSuppressed(ADDRESS)).isTrue();
        }
    }

    private HttpResponse<String> post(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
