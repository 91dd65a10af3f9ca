package org.broadside.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.camel.ProducerTemplate;
import org.broadside.App;
import org.broadside.approval.Approval;
import org.broadside.intake.StoredStatement;
import org.broadside.intake.Submission;
import org.broadside.release.Release;
import org.broadside.release.ReleaseControl;
import org.broadside.render.PreviewWriter;
import org.broadside.social.Post;
import org.broadside.social.PostThread;
import org.broadside.statement.Statement;

/** Statements: list, submit, preview, approve, schedule and release now. */
public final class StatementsApi implements ConsoleApi.ApiEndpoints {
    private final App app;
    private final Supplier<ProducerTemplate> routes;

    /** @param routes sends a release-now to the {@code console-release} route */
    public StatementsApi(App app, Supplier<ProducerTemplate> routes) {
        this.app = app;
        this.routes = routes;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.of("GET", "/api/statements", Role.EDITOR, (call, p) -> call.json(200, list())),
                ApiRoute.of("POST", "/api/statements", Role.EDITOR, (call, p) -> submit(call)),
                ApiRoute.of("GET", "/api/statements/{id}/preview", Role.EDITOR,
                        (call, p) -> call.json(200, preview(p.get("id")))),
                ApiRoute.of("POST", "/api/statements/{id}/approve", Role.APPROVER,
                        (call, p) -> call.json(200, approve(p.get("id"), call.operator()))),
                ApiRoute.of("POST", "/api/statements/{id}/schedule", Role.EDITOR,
                        (call, p) -> call.json(200, schedule(p.get("id"), call.jsonBody()))),
                ApiRoute.of("POST", "/api/statements/{id}/release", Role.EDITOR,
                        (call, p) -> call.json(202, releaseNow(p.get("id")))));
    }

    /** Each statement (its original and translations) with its approval and latest release. */
    private List<Map<String, Object>> list() {
        Map<String, List<StoredStatement>> groups = app.statements().all().stream()
                .collect(Collectors.groupingBy(StoredStatement::originalId, LinkedHashMap::new, Collectors.toList()));
        List<Map<String, Object>> statements = new ArrayList<>();
        groups.forEach((originalId, versions) -> {
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("id", originalId);
            statement.put("title", versions.get(0).title());
            statement.put("languages", versions.stream().map(StoredStatement::language).toList());
            statement.put("submittedAt", versions.get(0).submittedAt().toString());
            statement.put("approved", app.approvals().allApproved(versions));
            statement.put("release", app.releases().latestOf(originalId).map(ReleasesApi::summary).orElse(null));
            statements.add(statement);
        });
        return statements;
    }

    /** A statement file posted as {@code {"fileName": "md2026.en.md", "text": "..."}}, checked like the inbox's. */
    private void submit(HttpCall call) {
        JsonNode body = call.jsonBody();
        String fileName = Path.of(body.path("fileName").asText("statement.md")).getFileName().toString();
        Statement statement = app.parser().parse(fileName, body.path("text").asText("").getBytes(StandardCharsets.UTF_8));
        Submission.Result result = app.submission().submit(fileName, statement);
        call.json(201, Map.of("id", result.id(), "language", result.language(), "sha256", result.sha256(),
                "status", result.status().description()));
    }

    /** Everything the statement becomes, before or after approval: emails, social posts, hashes. */
    private Map<String, Object> preview(String id) {
        List<Statement> versions = app.statements().current(id);
        if (versions.isEmpty()) {
            throw new HttpProblem(404, "no statement " + id);
        }
        List<Map<String, Object>> languages = new ArrayList<>();
        for (StoredStatement stored : app.statements().group(versions.get(0).originalId())) {
            languages.add(Map.of("id", stored.id(), "language", stored.language(), "title", stored.title(),
                    "sha256", stored.sha256(), "approved", app.approvals().allApproved(List.of(stored))));
        }
        List<Map<String, Object>> emails = new ArrayList<>();
        for (PreviewWriter.Preview preview : app.previewWriter(versions).render(versions)) {
            emails.add(Map.of("language", preview.language(), "format", preview.format().key(),
                    "subject", preview.email().subject(), "text", preview.email().text(),
                    "html", preview.email().html()));
        }
        List<Map<String, Object>> posts = new ArrayList<>();
        for (PostThread thread : app.socialRelease().compose(versions)) {
            for (Post post : thread.posts()) {
                posts.add(Map.of("network", post.network().key(), "language", post.language(), "text", post.text(),
                        "length", post.length(), "limit", post.limit()));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", versions.get(0).originalId());
        answer.put("versions", languages);
        answer.put("emails", emails);
        answer.put("posts", posts);
        return answer;
    }

    private List<Map<String, Object>> approve(String id, Operator approver) {
        List<Map<String, Object>> approved = new ArrayList<>();
        for (Approval approval : app.approvals().approve(id, approver.name())) {
            approved.add(Map.of("id", approval.statementId(), "language", approval.language(),
                    "sha256", approval.sha256(), "approvedBy", approval.approvedBy(),
                    "approvedAt", approval.approvedAt().toString()));
        }
        return approved;
    }

    /** {@code {"at": "2026-12-18T01:00:00Z"}} or no {@code at}: the statement's own release time. */
    private Map<String, Object> schedule(String id, JsonNode body) {
        Optional<Instant> at;
        try {
            at = body.hasNonNull("at") ? Optional.of(Instant.parse(body.get("at").asText())) : Optional.empty();
        } catch (DateTimeParseException e) {
            throw new HttpProblem(422, "at: not an instant such as 2026-12-18T01:00:00Z: " + body.get("at").asText());
        }
        ReleaseControl.Armed armed = app.releaseControl().schedule(id, at);
        Map<String, Object> answer = new LinkedHashMap<>(ReleasesApi.summary(armed.release()));
        answer.put("triggers", armed.triggers().stream().map(Instant::toString).toList());
        return answer;
    }

    /** Opens the release for now and answers at once; the sending goes on in the service, as the progress shows. */
    private Map<String, Object> releaseNow(String id) {
        Release release = routes.get().requestBody("direct:console-release", id, Release.class);
        return ReleasesApi.summary(release);
    }
}
