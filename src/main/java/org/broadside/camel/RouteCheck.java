package org.broadside.camel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.broadside.validation.Problem;

/**
 * Validates a route file the way the service would load it, without starting a route or sending anything, each
 * problem reported as {@code FILE:LINE: reason}: YAML syntax and the DSL's structure (unknown steps and fields,
 * from Camel's own YAML DSL), every property placeholder, every endpoint URI (created, not started: the component
 * exists and takes the options), every bean a step names (and its method), every Simple expression.
 *
 * <p>Each check runs in a throw-away Camel context holding the same properties as the service, so nothing it
 * creates reaches the running one.
 */
public final class RouteCheck {
    private static final Pattern UNKNOWN_OPTION = Pattern.compile("Unknown parameters=\\[\\{([^=}]+)=");

    private final Properties properties;
    private final BeanCatalog beans;

    /**
     * @param properties what placeholders resolve against: the service's (see {@link Pipeline#properties})
     * @param beans      the beans the running application binds
     */
    public RouteCheck(Properties properties, BeanCatalog beans) {
        this.properties = properties;
        this.beans = beans;
    }

    public List<Problem> check(Path file) {
        try {
            return check(RouteFile.read(file));
        } catch (IOException e) {
            return List.of(new Problem(file.getFileName().toString(), 0, "cannot be read: " + e.getMessage()));
        }
    }

    public List<Problem> check(RouteFile file) {
        DefaultCamelContext context = new DefaultCamelContext();
        try {
            context.setSourceLocationEnabled(true);
            context.getPropertiesComponent().setInitialProperties(properties);
            beans.bindStandIns(context.getRegistry());
            List<Problem> problems = new ArrayList<>(PlaceholderCheck.problems(file, context));
            LoadedRoutes loaded;
            try {
                loaded = LoadedRoutes.parse(context, file);
            } catch (Exception e) {
                problems.add(DslProblem.of(file, e));
                return problems;
            }
            if (!problems.isEmpty()) {
                // Endpoints and beans named through an unresolved placeholder would only repeat the same problem.
                return problems;
            }
            for (RouteConfigurationDefinition configuration : loaded.configurations()) {
                if (configuration.getId() == null) {
                    problems.add(new Problem(file.name(), file.lineOf("routeConfiguration", 1),
                            "a routeConfiguration needs an id (routes refer to it by id)"));
                }
                if (Preconditions.included(context, configuration)) {
                    problems.addAll(references(context, file, RouteReferences.of(configuration)));
                }
            }
            for (RouteDefinition route : loaded.routes()) {
                if (route.getRouteId() == null) {
                    problems.add(new Problem(file.name(), route.getLineNumber(),
                            "a route needs an id: live reload replaces routes by id"));
                }
                if (Preconditions.included(context, route)) {
                    problems.addAll(references(context, file, RouteReferences.of(route)));
                }
            }
            return problems;
        } finally {
            context.stop();
        }
    }

    private List<Problem> references(CamelContext context, RouteFile file, RouteReferences references) {
        List<Problem> problems = new ArrayList<>();
        for (RouteReferences.EndpointUse endpoint : references.endpoints) {
            endpointProblem(context, file, endpoint).ifPresent(problems::add);
        }
        for (RouteReferences.BeanUse bean : references.beans) {
            String ref = context.resolvePropertyPlaceholders(bean.ref());
            beans.missingBean(ref).ifPresent(reason ->
                    problems.add(new Problem(file.name(), file.lineOf(bean.ref(), bean.line()), reason)));
            beans.missingMethod(ref, bean.method()).ifPresent(reason ->
                    problems.add(new Problem(file.name(), file.lineOf(bean.method(), bean.line()), reason)));
        }
        for (RouteReferences.ProcessorUse processor : references.processors) {
            String ref = context.resolvePropertyPlaceholders(processor.ref());
            beans.missingBean(ref).or(() -> beans.notAProcessor(ref)).ifPresent(reason ->
                    problems.add(new Problem(file.name(), file.lineOf(processor.ref(), processor.line()), reason)));
        }
        for (RouteReferences.ValueUse value : references.values) {
            String ref = context.resolvePropertyPlaceholders(value.ref());
            beans.missingBean(ref).or(() -> beans.notAnExpression(ref)).ifPresent(reason ->
                    problems.add(new Problem(file.name(), file.lineOf(value.ref(), value.line()), reason)));
        }
        for (RouteReferences.SimpleUse simple : references.simples) {
            try {
                context.resolveLanguage("simple")
                        .createExpression(context.resolvePropertyPlaceholders(simple.expression()));
            } catch (RuntimeException invalid) {
                problems.add(new Problem(file.name(), file.lineOf(simple.expression(), simple.line()),
                        "simple expression " + simple.expression() + ": " + oneLine(invalid.getMessage())));
            }
        }
        return problems;
    }

    /** Creates the endpoint (which checks its component and options) but never starts it. */
    private static Optional<Problem> endpointProblem(CamelContext context, RouteFile file,
                                                     RouteReferences.EndpointUse endpoint) {
        try {
            context.getEndpoint(context.resolvePropertyPlaceholders(endpoint.uri()));
            return Optional.empty();
        } catch (RuntimeException e) {
            String reason = deepest(e);
            Matcher option = UNKNOWN_OPTION.matcher(reason);
            int line = option.find() ? file.lineOf(option.group(1).strip() + ":", endpoint.line()) : endpoint.line();
            String uri = endpoint.uri().contains("?") ? endpoint.uri().substring(0, endpoint.uri().indexOf('?'))
                    : endpoint.uri();
            return Optional.of(new Problem(file.name(), line,
                    "endpoint " + uri + " cannot be created: " + reason));
        }
    }

    /** Camel wraps the reason why an endpoint cannot be made in "Failed to resolve endpoint ... due to:". */
    private static String deepest(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = oneLine(String.valueOf(cause.getMessage()));
        int dueTo = message.lastIndexOf("due to: ");
        return dueTo >= 0 ? message.substring(dueTo + "due to: ".length()) : message;
    }

    static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
