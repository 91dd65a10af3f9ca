package org.broadside.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.broadside.App;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's JSON API over the service's real HTTP server: who may do what, and what is refused. */
class ConsoleApiTest {
    private static final String PASSWORD = ConsoleService.PASSWORD;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private ConsoleService service;
    private App app;
    private String base;

    @BeforeEach
    void startService() {
        service = new ConsoleService(dir);
        app = service.app;
        base = service.base;
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    @Test
    void nothingAnswersWithoutASessionButSigningIn() throws Exception {
        for (String path : List.of("/api/statements", "/api/statements/may-day-2027/preview", "/api/releases/x",
                "/api/contacts/lists", "/api/contacts/suppressions")) {
            assertThat(send("GET", path, null, null, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(send("POST", "/api/statements/may-day-2027/approve", null, null, null).statusCode())
                .isEqualTo(401);
        assertThat(service.approved()).isFalse();
    }

    @Test
    void signingInSetsAnHttpOnlySameSiteCookieAndAWrongPasswordIsRefused() throws Exception {
        HttpResponse<String> wrong = send("POST", "/api/session", null, null, "{\"name\":\"eni\",\"password\":\"guess\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> right = signIn("eni");
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.headers().firstValue("Set-Cookie")).get().asString()
                .startsWith(ConsoleSessions.COOKIE + "=").contains("HttpOnly", "SameSite=Strict", "Path=/");
        assertThat(right.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(right.body()).doesNotContain(PASSWORD);
    }

    @Test
    void repeatedWrongPasswordsLockTheNameOut() throws Exception {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            send("POST", "/api/session", null, null, "{\"name\":\"ed\",\"password\":\"wrong " + i + "\"}");
        }
        HttpResponse<String> locked = signIn("ed");
        assertThat(locked.statusCode()).as("even the right password, for now").isEqualTo(429);
    }

    @Test
    void changesNeedTheSessionsCsrfTokenAndNoOtherSitesOrigin() throws Exception {
        Session eni = session("eni");
        String approve = "/api/statements/may-day-2027/approve";

        assertThat(send("POST", approve, eni.cookie, null, null).statusCode()).as("no token").isEqualTo(403);
        assertThat(send("POST", approve, eni.cookie, "forged", null).statusCode()).as("wrong token").isEqualTo(403);
        HttpResponse<String> crossSite = http.send(request("POST", approve, eni.cookie, eni.csrf, null)
                .header("Origin", "https://attacker.example").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(service.approved()).isFalse();

        HttpResponse<String> approved = send("POST", approve, eni.cookie, eni.csrf, null);
        assertThat(approved.statusCode()).isEqualTo(200);
        JsonNode approval = JSON.readTree(approved.body()).get(0);
        assertThat(approval.get("approvedBy").asText()).isEqualTo("eni");
        assertThat(approval.get("sha256").asText())
                .isEqualTo(app.statements().find("may-day-2027").orElseThrow().sha256());
        assertThat(service.approved()).isTrue();
    }

    @Test
    void anEditorCannotApprove() throws Exception {
        Session ed = session("ed");

        HttpResponse<String> refused = send("POST", "/api/statements/may-day-2027/approve", ed.cookie, ed.csrf, null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("approver role");
        assertThat(service.approved()).isFalse();
        assertThat(send("GET", "/api/statements", ed.cookie, null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        Session ed = session("ed");

        assertThat(send("DELETE", "/api/session", ed.cookie, ed.csrf, null).statusCode()).isEqualTo(200);

        assertThat(send("GET", "/api/statements", ed.cookie, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anImportWithABadRowNamesFileAndLineAndStoresNothing() throws Exception {
        Session ed = session("ed");
        String csv = "email,country\nnew@member.example,PH\nnot-an-address,PH\n";

        HttpResponse<String> refused = http.send(request("POST",
                "/api/contacts/lists/asia/import?file=asia.csv", ed.cookie, ed.csrf, null)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).get("problems").get(0).asText()).startsWith("asia.csv:3: ");
        assertThat(app.contacts().listSizes()).doesNotContainKey("asia");
    }

    @Test
    void suppressingInTheConsoleRecordsWhoDidIt() throws Exception {
        Session ed = session("ed");

        HttpResponse<String> done = send("POST", "/api/contacts/suppressions", ed.cookie, ed.csrf,
                "{\"email\":\"Info@Kasama.example\"}");

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(app.contacts().isSuppressed("info@kasama.example")).isTrue();
        JsonNode listed = JSON.readTree(send("GET", "/api/contacts/suppressions", ed.cookie, null, null).body());
        assertThat(listed.get(0).get("email").asText()).isEqualTo("info@kasama.example");
        assertThat(listed.get(0).get("detail").asText()).contains("by ed");
    }

    private record Session(String cookie, String csrf) {
    }

    private Session session(String name) throws Exception {
        HttpResponse<String> signedIn = signIn(name);
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return new Session(cookie, JSON.readTree(signedIn.body()).get("csrfToken").asText());
    }

    private HttpResponse<String> signIn(String name) throws Exception {
        return send("POST", "/api/session", null, null,
                "{\"name\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}");
    }

    private HttpResponse<String> send(String method, String path, String cookie, String csrf, String json)
            throws Exception {
        return http.send(request(method, path, cookie, csrf, json).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String cookie, String csrf, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrf != null) {
            request.header(ConsoleApi.CSRF_HEADER, csrf);
        }
        return request;
    }
}
