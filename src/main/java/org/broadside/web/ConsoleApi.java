package org.broadside.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.broadside.approval.NotApprovedException;
import org.broadside.config.ConfigurationException;
import org.broadside.render.TemplateFailure;
import org.broadside.schedule.SchedulingException;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API under {@code /api} that the console uses, and anyone may script: every endpoint with the least
 * role that may call it, and the checks every request passes before its endpoint runs.
 *
 * <ul>
 *   <li>No session, no answer: only signing in works without one (401 otherwise).</li>
 *   <li>A role below the endpoint's is refused (403).</li>
 *   <li>Anything but GET needs the session's CSRF token in an {@code X-CSRF-Token} header (403 without it), and
 *       a request whose {@code Origin} is another site's is refused even before that.</li>
 * </ul>
 */
public final class ConsoleApi {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApi.class);
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

    private final ConsoleSessions sessions;
    private final List<ApiRoute> routes = new ArrayList<>();

    public ConsoleApi(ConsoleSessions sessions, List<ApiEndpoints> endpoints) {
        this.sessions = sessions;
        for (ApiEndpoints group : endpoints) {
            routes.addAll(group.routes());
        }
    }

    /** A group of endpoints, e.g. those of releases. */
    public interface ApiEndpoints {
        List<ApiRoute> routes();
    }

    /** The route's entry point: answers one request. */
    public void handle(Exchange exchange) {
        HttpCall call = new HttpCall(exchange);
        try {
            ApiRoute.PathParameters[] parameters = new ApiRoute.PathParameters[1];
            ApiRoute route = find(call, parameters);
            guard(call, route);
            route.handler().handle(call, parameters[0]);
        } catch (Exception e) {
            refuse(call, unwrapped(e));
        }
    }

    private ApiRoute find(HttpCall call, ApiRoute.PathParameters[] parameters) {
        boolean pathKnown = false;
        for (ApiRoute route : routes) {
            Optional<ApiRoute.PathParameters> match = route.match(call.path());
            if (match.isPresent()) {
                pathKnown = true;
                if (route.method().equals(call.method())) {
                    parameters[0] = match.get();
                    return route;
                }
            }
        }
        throw pathKnown ? new HttpProblem(405, call.method() + " is not allowed on " + call.path())
                : new HttpProblem(404, "no such API endpoint: " + call.path());
    }

    private void guard(HttpCall call, ApiRoute route) {
        boolean changes = !SAFE_METHODS.contains(call.method());
        if (changes && !sameOrigin(call)) {
            throw new HttpProblem(403, "cross-site request refused");
        }
        Optional<ConsoleSessions.Session> session = call.cookie(ConsoleSessions.COOKIE).flatMap(sessions::find);
        session.ifPresent(call::signedIn);
        if (route.role() == null) {
            return;
        }
        if (session.isEmpty()) {
            throw new HttpProblem(401, "sign in first");
        }
        if (changes && !session.get().acceptsCsrf(call.header(CSRF_HEADER).orElse(null))) {
            throw new HttpProblem(403, "missing or wrong CSRF token; reload the console");
        }
        if (!session.get().operator().role().includes(route.role())) {
            throw new HttpProblem(403, "this needs the " + route.role().key() + " role; "
                    + session.get().operator().name() + " is " + session.get().operator().role().key());
        }
    }

    /**
     * Browsers send Origin with every cross-site POST: one naming another host than the request's is refused.
     * (Tools that send no Origin, such as curl, still need the session cookie and the CSRF token.)
     */
    private static boolean sameOrigin(HttpCall call) {
        Optional<String> origin = call.header("Origin");
        Optional<String> host = call.header("Host");
        if (origin.isEmpty()) {
            return true;
        }
        String withoutScheme = origin.get().replaceFirst("^https?://", "");
        return host.isPresent() && withoutScheme.equalsIgnoreCase(host.get());
    }

    private static void refuse(HttpCall call, Exception e) {
        if (e instanceof HttpProblem problem) {
            call.json(problem.status(), Map.of("error", problem.getMessage()));
        } else if (e instanceof InvalidInputException invalid) {
            call.json(422, Map.of("error", "the input has problems", "problems",
                    invalid.problems().stream().map(Problem::toString).toList()));
        } else if (e instanceof NotApprovedException refused) {
            call.json(409, Map.of("error", "not approved", "problems", refused.reasons()));
        } else if (e instanceof SchedulingException || e instanceof ConfigurationException
                || e instanceof TemplateFailure || e instanceof IllegalArgumentException) {
            call.json(422, Map.of("error", oneLine(e.getMessage())));
        } else {
            LOG.error("console API: {} {} failed", call.method(), call.path(), e);
            call.json(500, Map.of("error", "the request failed; the service log has the details"));
        }
    }

    private static Exception unwrapped(Exception e) {
        Exception current = e;
        while (current instanceof RuntimeCamelException && current.getCause() instanceof Exception cause) {
            current = cause;
        }
        return current;
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
