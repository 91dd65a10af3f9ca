package org.broadside.social.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadside.testing.BlueskyServer;
import org.broadside.testing.CapturedLogs;
import org.broadside.testing.Samples;
import org.broadside.testing.ServiceJvm;
import org.broadside.testing.ServiceJvms;
import org.broadside.testing.TestHome;
import org.broadside.testing.TestHome.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases posted to a local Bluesky PDS through the whole app: {@code release --now}, the routes, the ledger, and
 * what {@code report} then shows.
 */
class BlueskyPostingTest {
    private static final String APP_PASSWORD = "post-test-pass-w0rd";
    private static final String RELEASE = "may-day-2027";
    /**
     * The samples' link is under .example, which twitter-text, and so Broadside, does not take for a link (see
     * {@link Facets}): these statements link to a name under a real top-level domain instead.
     */
    private static final String SAMPLE_LINK = "https://news.alliance.example/2027/05/may-day";
    private static final String LINK = "https://news.alliance.example.org/2027/05/may-day";
    private static final String ENGLISH = Samples.english().replace(SAMPLE_LINK, LINK);
    /** Spanish long enough for a thread of three at Bluesky's 300 graphemes, with accents and an emoji. */
    private static final String LONG_SPANISH = Samples.statement("may-day-2027-es", "es",
            "translation_of: may-day-2027\n",
            "En el Día Internacional de los Trabajadores, las trabajadoras del hogar migrantes de Manila a Milán "
                    + "dicen: nuestro trabajo es trabajo. Exigimos un salario digno, un día de descanso semanal y el "
                    + "derecho a organizarnos. Cuidamos a los niños y a los mayores de otras familias mientras las "
                    + "nuestras esperan lejos; limpiamos, cocinamos y acompañamos a quienes están enfermos, muchas "
                    + "veces sin contrato, sin seguro médico y sin vacaciones. Pedimos a los gobiernos que "
                    + "ratifiquen el Convenio 189 de la OIT y que pongan fin al sistema de patrocinio que nos ata a "
                    + "un solo empleador. ✊🏽 Ninguna trabajadora es ilegal.\n").replace(SAMPLE_LINK, LINK);

    @RegisterExtension
    final ServiceJvms jvms = new ServiceJvms();

    @TempDir
    Path dir;

    private BlueskyServer pds;
    /** The release's id, which the posts' keys name; known once it is made. */
    private String releaseId;

    @AfterEach
    void stop() {
        pds.close();
    }

    @Test
    void eachLanguageIsPostedWithFacetsAndThreadRepliesAndTheReportShowsTheAddresses() throws IOException {
        pds = new BlueskyServer(APP_PASSWORD);
        TestHome home = homeWithSpanishThread();

        Result released;
        String logs;
        try (CapturedLogs captured = new CapturedLogs()) {
            released = home.run("release", RELEASE, "--now", "--wait");
            logs = captured.text();
        }

        assertThat(released.exitCode()).as(released.err()).isZero();
        releaseId = releaseId(home);
        List<String> english = composedPosts(home, "en");
        List<String> spanish = composedPosts(home, "es");
        assertThat(english).hasSize(1);
        assertThat(spanish).as("the Spanish thread").hasSizeGreaterThanOrEqualTo(3);
        assertThat(recordsOf("en")).extracting(record -> record.path("text").asText()).isEqualTo(english);
        assertThat(recordsOf("es")).extracting(record -> record.path("text").asText()).isEqualTo(spanish);
        assertThat(pds.createRecordInputs()).allSatisfy(BlueskyPostingTest::facetsSliceBackToTheirText);
        assertThat(facetValues(recordsOf("en").get(0))).containsExactly(LINK, "MayDay", "MigrantWorkers");
        assertThat(facetValues(recordsOf("es").get(spanish.size() - 1))).containsExactly(LINK, "MayDay",
                "MigrantWorkers");
        assertThat(pds.createRecordInputs()).extracting(input -> input.path("rkey").asText())
                .as("the thread in order").containsSubsequence(rkeys("es", spanish.size()));
        assertRepliesInOrder("es", spanish.size());
        assertThat(recordsOf("en").get(0).has("reply")).isFalse();
        assertThat(pds.requests(BlueskyServer.CREATE_SESSION)).as("one sign-in for the release").hasSize(1);
        List<String> report = blueskyRows(home);
        assertThat(report).hasSize(1 + spanish.size());
        assertSentWithItsAddress(report, "en", 1, 1);
        for (int number = 1; number <= spanish.size(); number++) {
            assertSentWithItsAddress(report, "es", number, 1);
        }
        assertThat(String.join("\n", logs, released.out(), released.err(), String.join("\n", report)))
                .doesNotContain(APP_PASSWORD);
    }

    @Test
    void aRateLimitedPostWaitsForTheResetTimeAndIsPostedUnderTheSameKey() {
        pds = new BlueskyServer(APP_PASSWORD);
        Duration wait = Duration.ofSeconds(2);
        pds.rateLimitNextCreate(wait);
        TestHome home = home();

        Result released = home.run("release", RELEASE, "--now", "--wait");

        assertThat(released.exitCode()).as(released.err()).isZero();
        releaseId = releaseId(home);
        List<LoggedRequest> creates = pds.requests(BlueskyServer.CREATE_RECORD);
        List<JsonNode> inputs = pds.createRecordInputs();
        assertThat(inputs).hasSize(2).extracting(input -> input.path("rkey").asText()).containsOnly(rkey("en", 1));
        Instant refused = creates.get(0).getLoggedDate().toInstant();
        assertThat(creates.get(1).getLoggedDate().toInstant()).as("retried once the limit was reset")
                .isAfterOrEqualTo(refused.plus(wait));
        assertThat(pds.records()).containsOnlyKeys(rkey("en", 1));
        List<String> report = blueskyRows(home);
        assertThat(report).hasSize(1);
        assertSentWithItsAddress(report, "en", 1, 1); // a deferral is not an attempt
    }

    @Test
    void aCrashBetweenThePostAndTheLedgerWriteFindsThePostAndPostsNothingTwice() throws Exception {
        pds = new BlueskyServer(APP_PASSWORD);
        // The PDS stores the Spanish thread's first post, then holds its answer back until long after the kill.
        pds.holdAnswerTo(record -> isIn("es", record) && !record.has("reply"), 120_000);
        TestHome home = homeWithSpanishThread();

        ServiceJvm first = jvms.command(dir, "release", RELEASE, "--now");
        await("the first Spanish post reaching the PDS").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> pds.records().values().stream().anyMatch(record -> isIn("es", record)));
        first.kill();
        Result again = home.run("release", RELEASE, "--now", "--wait");

        assertThat(again.exitCode()).as(again.err()).isZero();
        releaseId = releaseId(home);
        int thread = composedPosts(home, "es").size();
        List<String> keys = new ArrayList<>(rkeys("en", 1));
        keys.addAll(rkeys("es", thread));
        assertThat(pds.records()).as("one record per post").containsOnlyKeys(keys);
        assertThat(pds.createRecordInputs()).filteredOn(input -> input.path("rkey").asText().equals(rkey("es", 1)))
                .as("the lost post was tried again under its key").hasSize(2);
        assertThat(pds.requests(BlueskyServer.GET_RECORD)).as("and then looked up").hasSize(1);
        // The rest of the thread replies to the record the PDS holds (found by the lookup), not the retry's twin.
        assertRepliesInOrder("es", thread);
        List<String> report = blueskyRows(home);
        assertThat(report).hasSize(1 + thread);
        assertSentWithItsAddress(report, "en", 1, 1);
        assertSentWithItsAddress(report, "es", 1, 2);
        for (int number = 2; number <= thread; number++) {
            assertSentWithItsAddress(report, "es", number, 1);
        }
        assertThat(first.output()).doesNotContain(APP_PASSWORD);
    }

    /** A home posting to the local PDS, with the English statement approved for three members. */
    private TestHome home() {
        // In the home's file only because a test cannot set this JVM's environment; operators set the variable.
        return new TestHome(dir).set("broadside.bluesky.service", pds.url())
                .set("broadside.bluesky.handle", BlueskyServer.HANDLE)
                .set("broadside.bluesky.app-password", APP_PASSWORD)
                .set("broadside.dispatch.retry-base", "PT1S")
                .withApproved(Samples.CONTACTS, ENGLISH);
    }

    /** The home, with a Spanish version that becomes a thread approved too. */
    private TestHome homeWithSpanishThread() {
        TestHome home = home();
        assertThat(home.run("submit", home.write("es.md", LONG_SPANISH).toString()).exitCode()).isZero();
        assertThat(home.run("approve", RELEASE, "--by", "Eni").exitCode()).isZero();
        return home;
    }

    private static String releaseId(TestHome home) {
        String status = home.run("status", RELEASE).out();
        Matcher release = Pattern.compile("^release (\\S+) of ", Pattern.MULTILINE).matcher(status);
        assertThat(release.find()).as(status).isTrue();
        return release.group(1);
    }

    /** The record key of a post: derived from its ledger key, which names the release, network, language, number. */
    private String rkey(String language, int number) {
        return Tid.derivedFrom("broadside/" + releaseId + "/bluesky/" + language + "/" + number).toString();
    }

    /** The record keys of a thread's posts, in reading order. */
    private List<String> rkeys(String language, int posts) {
        List<String> rkeys = new ArrayList<>();
        for (int number = 1; number <= posts; number++) {
            rkeys.add(rkey(language, number));
        }
        return rkeys;
    }

    /** The records the PDS holds for a language, in the order they were created. */
    private List<JsonNode> recordsOf(String language) {
        return pds.records().values().stream().filter(record -> isIn(language, record)).toList();
    }

    private static boolean isIn(String language, JsonNode record) {
        return record.path("langs").toString().equals("[\"" + language + "\"]");
    }

    /** Post n+1 replies to post n, and every reply names the thread's first post as its root, by URI and CID. */
    private void assertRepliesInOrder(String language, int posts) {
        List<JsonNode> records = recordsOf(language);
        assertThat(records).hasSize(posts);
        assertThat(records.get(0).has("reply")).as("the first post replies to nothing").isFalse();
        for (int number = 2; number <= posts; number++) {
            JsonNode reply = records.get(number - 1).path("reply");
            assertThat(reply.path("root").path("uri").asText()).isEqualTo(BlueskyServer.uri(rkey(language, 1)));
            assertThat(reply.path("root").path("cid").asText()).isEqualTo(pds.cid(rkey(language, 1)));
            assertThat(reply.path("parent").path("uri").asText())
                    .isEqualTo(BlueskyServer.uri(rkey(language, number - 1)));
            assertThat(reply.path("parent").path("cid").asText()).isEqualTo(pds.cid(rkey(language, number - 1)));
        }
    }

    private static void facetsSliceBackToTheirText(JsonNode input) {
        byte[] text = input.path("record").path("text").asText().getBytes(StandardCharsets.UTF_8);
        for (JsonNode facet : input.path("record").path("facets")) {
            String slice = new String(Arrays.copyOfRange(text, facet.path("index").path("byteStart").asInt(),
                    facet.path("index").path("byteEnd").asInt()), StandardCharsets.UTF_8);
            JsonNode feature = facet.path("features").get(0);
            switch (feature.path("$type").asText()) {
                case "app.bsky.richtext.facet#link" -> assertThat(slice).isEqualTo(feature.path("uri").asText());
                case "app.bsky.richtext.facet#tag" -> assertThat(slice).isEqualTo("#" + feature.path("tag").asText());
                default -> throw new AssertionError("unexpected facet " + facet);
            }
        }
    }

    /** The link's URI and the tags, in the order the facets name them. */
    private static List<String> facetValues(JsonNode record) {
        List<String> values = new ArrayList<>();
        for (JsonNode facet : record.path("facets")) {
            JsonNode feature = facet.path("features").get(0);
            values.add(feature.has("uri") ? feature.path("uri").asText() : feature.path("tag").asText());
        }
        return values;
    }

    /** The posts social.json has for Bluesky in a language: what the release composed. */
    private static List<String> composedPosts(TestHome home, String language) throws IOException {
        JsonNode entries = new ObjectMapper().readTree(home.outbox().resolve(RELEASE).resolve("social.json").toFile());
        for (JsonNode entry : entries) {
            if (entry.path("network").asText().equals("bluesky") && entry.path("language").asText().equals(language)) {
                List<String> posts = new ArrayList<>();
                entry.path("posts").forEach(post -> posts.add(post.asText()));
                return posts;
            }
        }
        throw new AssertionError("no Bluesky " + language + " entry in social.json");
    }

    private static List<String> blueskyRows(TestHome home) {
        return home.run("report", RELEASE).out().lines().filter(row -> row.contains(",bluesky,")).toList();
    }

    private void assertSentWithItsAddress(List<String> report, String language, int number, int attempts) {
        assertThat(report).filteredOn(row -> row.startsWith(language + "/" + number + ","))
                .singleElement().satisfies(row -> assertThat(row)
                        .startsWith(language + "/" + number + ",," + language + ",bluesky,,sent," + attempts + ",")
                        .endsWith(",https://bsky.app/profile/" + BlueskyServer.HANDLE + "/post/"
                                + rkey(language, number)));
    }
}
