package org.broadside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.broadside.testing.Samples;
import org.broadside.testing.ServiceJvms;
import org.broadside.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code broadside run} in its own JVM, and the CLI in this one, on the same home: the embedded database is
 * shared between processes, the service resumes a release left in progress, and it submits what lands in
 * the inbox.
 */
class ServiceAndCommandsShareTheHomeTest {
    @RegisterExtension
    final ServiceJvms services = new ServiceJvms();

    @TempDir
    Path dir;

    @Test
    void theServiceResumesAnOpenReleaseAndTakesStatementsFromTheInboxWhileCommandsRun() throws Exception {
        TestHome home = new TestHome(dir);
        home.run("contacts", "import", home.write("m.csv", Samples.CONTACTS).toString(), "--list", "members");
        home.run("submit", home.write("en.md", Samples.english()).toString());
        home.run("approve", "may-day-2027", "--by", "Eni");
        try (App app = App.open(org.broadside.config.Settings.load(dir))) {
            // As if a release command had opened the release and died before sending anything.
            app.releaseControl().releaseNow("may-day-2027");
        }
        assertThat(home.run("status", "may-day-2027").out()).contains("3 deliveries: 3 pending");

        services.run(dir);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(home.run("status", "may-day-2027").out()).contains("3 deliveries: 3 sent"));
        assertThat(ReleaseEndToEndTest.emlFiles(home.outbox().resolve("may-day-2027"))).hasSize(3);

        Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(dir.resolve("inbox/draft.md.tmp"), Samples.statement("june-20", "en", "", "Refugees.\n"));
        Files.move(dir.resolve("inbox/draft.md.tmp"), dir.resolve("inbox/june-20.md"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(home.run("status").out()).contains("june-20 [en] needs approval; not released"));
        // The file consumer moves the file once its route has finished, a moment after the statement is stored.
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("inbox/.done/june-20.md")));
        assertThat(home.run("approve", "june-20", "--by", "Eni").exitCode()).as("the CLI writes while the service runs")
                .isZero();

        Files.writeString(dir.resolve("inbox/broken.md.tmp"), Samples.english().replace("title:", "titel:"));
        Files.move(dir.resolve("inbox/broken.md.tmp"), dir.resolve("inbox/broken.md"));

        Path reasons = dir.resolve("inbox/.failed/broken.md.errors.txt");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(reasons));
        assertThat(Files.readString(reasons)).contains("broken.md:3: unknown key 'titel' (did you mean 'title'?)");
        assertThat(dir.resolve("inbox/.failed/broken.md")).exists();
    }
}
