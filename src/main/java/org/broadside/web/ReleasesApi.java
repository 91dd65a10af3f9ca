package org.broadside.web;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.broadside.App;
import org.broadside.dispatch.DeliveryReport;
import org.broadside.dispatch.DeliveryState;
import org.broadside.dispatch.Ledger;
import org.broadside.release.Release;

/** A release's progress (overall, per country, per time zone), its report, and pause, resume and cancel. */
public final class ReleasesApi implements ConsoleApi.ApiEndpoints {
    private final App app;

    public ReleasesApi(App app) {
        this.app = app;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.of("GET", "/api/releases/{id}", Role.EDITOR, (call, p) -> call.json(200, progress(p.get("id")))),
                ApiRoute.of("GET", "/api/releases/{id}/report.csv", Role.EDITOR, (call, p) -> report(call, p.get("id"))),
                ApiRoute.of("POST", "/api/releases/{id}/pause", Role.EDITOR,
                        (call, p) -> call.json(200, summary(app.releaseControl().pause(release(p.get("id")).id())))),
                ApiRoute.of("POST", "/api/releases/{id}/resume", Role.EDITOR,
                        (call, p) -> call.json(200, summary(app.releaseControl().resume(release(p.get("id")).id())))),
                ApiRoute.of("POST", "/api/releases/{id}/cancel", Role.EDITOR,
                        (call, p) -> call.json(200, summary(app.releaseControl().cancel(release(p.get("id")).id())))));
    }

    /** What the statements list shows of a release: its id, state, why it is paused, and its counts. */
    static Map<String, Object> summary(Release release) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", release.id());
        summary.put("statementId", release.statementId());
        summary.put("state", release.state().name().toLowerCase(Locale.ROOT));
        summary.put("releaseAt", text(release.releaseAt()));
        summary.put("finishedAt", text(release.finishedAt()));
        summary.put("pausedReason", release.pausedReason());
        return summary;
    }

    private Release release(String id) {
        try {
            return app.releaseService().releaseOf(id);
        } catch (org.broadside.validation.InvalidInputException e) {
            throw new HttpProblem(404, "no release of " + id);
        }
    }

    private Map<String, Object> progress(String id) {
        Release release = release(id);
        Map<String, Object> answer = summary(release);
        answer.put("counts", counts(app.ledger().counts(release.id())));
        Map<String, Object> countries = new LinkedHashMap<>();
        app.ledger().countsBy(release.id(), Ledger.Breakdown.COUNTRY)
                .forEach((country, counts) -> countries.put(country, counts(counts)));
        answer.put("byCountry", countries);
        List<Map<String, Object>> plan = new ArrayList<>();
        for (Ledger.PlanLine line : app.ledger().planByZone(release.id())) {
            plan.add(Map.of("timezone", String.valueOf(line.timezone()), "sendAt", line.sendAt().toString(),
                    "counts", counts(line.counts())));
        }
        answer.put("plan", plan);
        return answer;
    }

    private void report(HttpCall call, String id) throws java.io.IOException {
        Release release = release(id);
        StringWriter csv = new StringWriter();
        new DeliveryReport(app.ledger()).writeCsv(release.id(), csv);
        call.reply(200, "text/csv; charset=UTF-8", csv.toString(), Map.of("Content-Disposition",
                "attachment; filename=\"" + release.id().replaceAll("[^A-Za-z0-9._-]", "_") + "-report.csv\""));
    }

    /** Every state with its count, zeros included, so the console's columns never jump. */
    private static Map<String, Integer> counts(Map<DeliveryState, Integer> counts) {
        Map<String, Integer> named = new LinkedHashMap<>();
        int total = 0;
        for (DeliveryState state : DeliveryState.values()) {
            int count = counts.getOrDefault(state, 0);
            named.put(state.name().toLowerCase(Locale.ROOT), count);
            total += count;
        }
        named.put("total", total);
        return named;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
