package org.broadside.camel;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;

/**
 * What one route file defines, parsed by Camel's own YAML DSL but not added to any context: its routes and its
 * route configurations (shared error handling), each definition carrying its line in the file.
 */
record LoadedRoutes(List<RouteDefinition> routes, List<RouteConfigurationDefinition> configurations) {

    /** Parses the file's text; throws what the YAML DSL throws (its message names the line) if it cannot. */
    static LoadedRoutes parse(CamelContext context, RouteFile file) throws Exception {
        List<RouteDefinition> routes = new ArrayList<>();
        List<RouteConfigurationDefinition> configurations = new ArrayList<>();
        for (RoutesBuilder builder : PluginHelper.getRoutesLoader(context).findRoutesBuilders(file.resource())) {
            if (!(builder instanceof RouteBuilder routeBuilder)) {
                throw new IllegalStateException(file.name() + ": not a YAML route file");
            }
            routes.addAll(routeBuilder.configureRoutes(context).getRoutes());
            if (builder instanceof RouteConfigurationBuilder configurationBuilder) {
                // The YAML DSL fills route configurations in configuration(), which only adding to a context calls.
                configurationBuilder.configuration();
                configurations.addAll(configurationBuilder.getRouteConfigurationCollection().getRouteConfigurations());
            }
        }
        return new LoadedRoutes(routes, configurations);
    }

    List<String> routeIds() {
        return routes.stream().map(RouteDefinition::getRouteId).toList();
    }

    List<String> configurationIds() {
        return configurations.stream().map(RouteConfigurationDefinition::getId).toList();
    }
}
