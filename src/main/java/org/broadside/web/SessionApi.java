package org.broadside.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Signing in and out: {@code POST /api/session}, {@code GET /api/session}, {@code DELETE /api/session}. */
public final class SessionApi implements ConsoleApi.ApiEndpoints {
    private final Operators operators;
    private final ConsoleSessions sessions;
    private final SignInThrottle throttle;

    public SessionApi(Operators operators, ConsoleSessions sessions, java.time.Clock clock) {
        this.operators = operators;
        this.sessions = sessions;
        this.throttle = new SignInThrottle(clock);
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.of("POST", "/api/session", null, (call, parameters) -> signIn(call)),
                ApiRoute.of("GET", "/api/session", null, (call, parameters) -> current(call)),
                ApiRoute.of("DELETE", "/api/session", Role.EDITOR, (call, parameters) -> signOut(call)));
    }

    private void signIn(HttpCall call) {
        JsonNode body = call.jsonBody();
        String name = body.path("name").asText("");
        char[] password = body.path("password").asText("").toCharArray();
        Optional<Instant> locked = throttle.lockedUntil(name);
        if (locked.isPresent()) {
            throw new HttpProblem(429, "too many failed sign-ins for " + name + "; try again after " + locked.get());
        }
        Optional<Operator> operator = operators.signIn(name, password);
        java.util.Arrays.fill(password, '\0');
        if (operator.isEmpty()) {
            throttle.failed(name);
            throw new HttpProblem(401, operators.any() ? "wrong name or password"
                    : "no operators yet: add one with `broadside operator add NAME --role admin`");
        }
        throttle.succeeded(name);
        ConsoleSessions.Session session = sessions.start(operator.get());
        call.setCookie(sessions.cookie(session));
        call.json(200, describe(session));
    }

    private void current(HttpCall call) {
        if (call.session() == null) {
            throw new HttpProblem(401, "sign in first");
        }
        call.json(200, describe(call.session()));
    }

    private void signOut(HttpCall call) {
        sessions.end(call.session());
        call.setCookie(sessions.clearedCookie());
        call.json(200, Map.of("signedOut", true));
    }

    private static Map<String, Object> describe(ConsoleSessions.Session session) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("operator", session.operator().name());
        answer.put("role", session.operator().role().key());
        answer.put("csrfToken", session.csrfToken());
        return answer;
    }
}
