package org.broadside.camel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.broadside.validation.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an edited route file to the running service, or refuses it. The file is checked first (as
 * {@code broadside check} does); a valid file replaces only its own routes, one by one by id (new ones added,
 * changed ones updated, those gone from the file removed), so that every other route, and every route of the
 * file until its turn comes, goes on running. An invalid file changes nothing: its first problem is logged at
 * WARN as {@code FILE:LINE: reason} and kept in {@link RouteConfigStatus}.
 *
 * <p>Camel's own route reload is not used: it removes the routes before it loads the new ones, so a broken
 * edit would leave the service without them.
 */
final class RouteReload {
    private static final Logger LOG = LoggerFactory.getLogger(RouteReload.class);

    private final ModelCamelContext context;
    private final RouteCheck check;
    private final RouteConfigStatus status;
    private final Clock clock;
    /** The text of each file whose routes run now: what a failed apply restores. */
    private final Map<String, RouteFile> running = new HashMap<>();

    RouteReload(ModelCamelContext context, RouteCheck check, RouteConfigStatus status, Clock clock) {
        this.context = context;
        this.check = check;
        this.status = status;
        this.clock = clock;
    }

    /** Remembers the text of every route file the service started with. */
    void startedWith(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(RouteReload::isRouteFile).toList()) {
                RouteFile text = RouteFile.read(file);
                running.put(text.name(), text);
            }
        }
    }

    /** Route files are the YAML files, not an editor's hidden swap or backup files beside them. */
    static boolean isRouteFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") && !name.startsWith(".");
    }

    /** A file was written (or renamed into place): applies it if it is valid, else keeps what runs. */
    void changed(Path path) {
        RouteFile file;
        try {
            file = RouteFile.read(path);
        } catch (IOException e) {
            refuse(new Problem(path.getFileName().toString(), 0, "cannot be read: " + e.getMessage()));
            return;
        }
        RouteFile before = running.get(file.name());
        if (file.sameTextAs(before)) {
            status.unchanged(file.name());
            return;
        }
        List<Problem> problems = new ArrayList<>(check.check(file));
        if (problems.isEmpty()) {
            problems.addAll(idsTakenElsewhere(file));
        }
        if (!problems.isEmpty()) {
            refuse(problems.get(0));
            problems.stream().skip(1).forEach(more -> LOG.warn("{} (also refused)", more));
            return;
        }
        try {
            Applied applied = apply(file);
            running.put(file.name(), file);
            status.applied(file.name());
            LOG.info("routes/{}: applied; routes now running from it: {}{}", file.name(), applied.routes(),
                    applied.removed().isEmpty() ? "" : "; removed: " + applied.removed());
        } catch (Exception e) {
            restore(file.name(), before);
            refuse(new Problem(file.name(), 0, "could not be applied, the previous routes were restored: "
                    + RouteCheck.oneLine(String.valueOf(e.getMessage()))));
        }
    }

    /**
     * A file disappeared. Its routes keep running: an editor's rename dance is over by the time this is called,
     * so the file is really gone, but a service left without routes by a mistaken delete is worse than one
     * running routes whose file went away. A restart drops them.
     */
    void deleted(String name) {
        if (running.containsKey(name)) {
            LOG.warn("routes/{} was deleted; its routes keep running until the service restarts", name);
        }
    }

    private record Applied(List<String> routes, List<String> removed) {
    }

    private Applied apply(RouteFile file) throws Exception {
        LoadedRoutes loaded = LoadedRoutes.parse(context, file);
        for (RouteConfigurationDefinition configuration : loaded.configurations()) {
            RouteConfigurationDefinition old = context.getRouteConfigurationDefinition(configuration.getId());
            if (old != null) {
                // Camel refuses a second configuration with the same id; nothing is built between these two calls.
                context.removeRouteConfiguration(old);
            }
            context.addRouteConfiguration(configuration);
        }
        List<RouteDefinition> included = new ArrayList<>();
        for (RouteDefinition route : loaded.routes()) {
            if (Preconditions.included(context, route)) {
                included.add(route);
            }
        }
        // Replaces a route of the same id in place (stop, remove, add, start): the other routes never stop.
        context.addRouteDefinitions(included);
        Set<String> kept = new LinkedHashSet<>(included.stream().map(RouteDefinition::getRouteId).toList());
        List<String> removed = new ArrayList<>();
        for (RouteDefinition route : List.copyOf(context.getRouteDefinitions())) {
            if (ownedBy(route, file.name()) && !kept.contains(route.getRouteId())) {
                context.removeRouteDefinition(route);
                removed.add(route.getRouteId());
            }
        }
        rebuildRoutesUsing(loaded.configurationIds(), file.name());
        return new Applied(List.copyOf(kept), removed);
    }

    /**
     * A route takes its error handling from its route configuration when it is built; routes of other files
     * that use a configuration this file just replaced are built again (from the text they run) to pick it up.
     */
    private void rebuildRoutesUsing(List<String> configurationIds, String name) throws Exception {
        if (configurationIds.isEmpty()) {
            return;
        }
        Set<String> files = new LinkedHashSet<>();
        for (RouteDefinition route : context.getRouteDefinitions()) {
            String uses = route.getRouteConfigurationId();
            if (uses != null && Stream.of(uses.split(",")).map(String::strip).anyMatch(configurationIds::contains)) {
                fileOf(route).filter(other -> !other.equals(name)).ifPresent(files::add);
            }
        }
        for (String other : files) {
            if (running.containsKey(other)) {
                apply(running.get(other));
            }
        }
    }

    /** A route id that another file's route already has would silently replace that route: refused. */
    private List<Problem> idsTakenElsewhere(RouteFile file) {
        List<Problem> problems = new ArrayList<>();
        try {
            for (RouteDefinition route : LoadedRoutes.parse(context, file).routes()) {
                RouteDefinition existing = context.getRouteDefinition(route.getRouteId());
                if (existing != null && !ownedBy(existing, file.name())) {
                    problems.add(new Problem(file.name(), route.getLineNumber(), "route id '" + route.getRouteId()
                            + "' is already used by a route in " + fileOf(existing).orElse("another file")));
                }
            }
        } catch (Exception e) {
            problems.add(DslProblem.of(file, e));
        }
        return problems;
    }

    private void restore(String name, RouteFile before) {
        try {
            if (before != null) {
                apply(before);
            } else {
                for (RouteDefinition route : List.copyOf(context.getRouteDefinitions())) {
                    if (ownedBy(route, name)) {
                        context.removeRouteDefinition(route);
                    }
                }
            }
        } catch (Exception e) {
            LOG.error("routes/{}: restoring the previous routes failed too: {}", name, e.getMessage(), e);
        }
    }

    private void refuse(Problem problem) {
        status.refused(problem, clock.instant());
        LOG.warn("{} (edit refused; the previous routes keep running)", problem);
    }

    private static boolean ownedBy(RouteDefinition route, String name) {
        return fileOf(route).filter(name::equals).isPresent();
    }

    /** The route file a route came from: camel-main and this reload both load it under its file: location. */
    private static Optional<String> fileOf(RouteDefinition route) {
        if (route.getResource() == null || route.getResource().getLocation() == null) {
            return Optional.empty();
        }
        String location = route.getResource().getLocation();
        return Optional.of(location.substring(location.lastIndexOf('/') + 1));
    }
}
