package org.broadside.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadside.App;
import org.broadside.audience.ContactImporter;
import org.broadside.audience.ImportReport;
import org.broadside.audience.ListName;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;

/** Contact lists, importing a CSV into one (checked row by row as on the command line), and suppression. */
public final class ContactsApi implements ConsoleApi.ApiEndpoints {
    private static final int PAGE = 200;

    private final App app;

    public ContactsApi(App app) {
        this.app = app;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.of("GET", "/api/contacts/lists", Role.EDITOR, (call, p) -> call.json(200, app.contacts().listSizes())),
                ApiRoute.of("POST", "/api/contacts/lists/{list}/import", Role.EDITOR,
                        (call, p) -> call.json(200, importCsv(p.get("list"), call))),
                ApiRoute.of("GET", "/api/contacts/suppressions", Role.EDITOR, (call, p) -> call.json(200,
                        app.contacts().suppressions(PAGE, page(call) * PAGE).stream().map(s -> Map.of(
                                "email", s.email(), "reason", s.reason(), "detail", String.valueOf(s.detail()),
                                "since", s.since().toString())).toList())),
                ApiRoute.of("POST", "/api/contacts/suppressions", Role.EDITOR, (call, p) -> suppress(call)));
    }

    /**
     * The CSV as the body ({@code text/csv}), its file name in {@code ?file=}: the same reader as
     * {@code broadside contacts import}, so the same row-level problems, naming that file and line; with problems
     * nothing is stored unless {@code ?skip-invalid=true}.
     */
    private Map<String, Object> importCsv(String list, HttpCall call) throws IOException {
        ListName.requireValid(list);
        String fileName = Path.of(call.query("file").orElse("contacts.csv")).getFileName().toString();
        boolean skipInvalid = call.query("skip-invalid").map(Boolean::parseBoolean).orElse(false);
        Path directory = Files.createTempDirectory("broadside-import");
        Path file = directory.resolve(fileName);
        try {
            Files.writeString(file, call.body(), StandardCharsets.UTF_8);
            ImportReport report;
            try {
                report = new ContactImporter(app.contacts(), app.defaultZone()).importFile(file, list, skipInvalid);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.problems().stream().map(p -> uploaded(p, fileName)).toList());
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("list", list);
            answer.put("added", report.result().added());
            answer.put("updated", report.result().updated());
            answer.put("unchanged", report.result().unchanged());
            answer.put("skipped", report.skipped().stream().map(p -> uploaded(p, fileName).toString()).toList());
            answer.put("warnings", report.warnings().stream().map(p -> uploaded(p, fileName).toString()).toList());
            return answer;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        }
    }

    /** The problem as the operator knows the file: by the name they uploaded, not where it was stored a moment. */
    private static Problem uploaded(Problem problem, String fileName) {
        return new Problem(fileName, problem.line(), problem.message());
    }

    private void suppress(HttpCall call) {
        JsonNode body = call.jsonBody();
        String email = body.path("email").asText("").strip();
        if (!email.contains("@")) {
            throw new HttpProblem(422, "email: not an address: '" + email + "'");
        }
        app.contacts().suppress(email, "manual", "suppressed in the console by " + call.operator().name());
        call.json(200, Map.of("suppressed", email.toLowerCase(java.util.Locale.ROOT)));
    }

    private static int page(HttpCall call) {
        try {
            return Math.max(0, Integer.parseInt(call.query("page").orElse("0")));
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "page: not a number");
        }
    }
}
