package org.broadside.camel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.broadside.validation.Problem;

/**
 * Validates route files the way Camel will load them, without starting anything: YAML syntax and the DSL's
 * structure, each problem reported as {@code FILE:LINE: reason}.
 */
public final class RouteCheck {
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private final Properties properties;

    public RouteCheck(Properties properties) {
        this.properties = properties;
    }

    public List<Problem> check(Path file) {
        List<Problem> problems = new ArrayList<>();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setInitialProperties(properties);
            Resource resource = ResourceHelper.resolveResource(context, "file:" + file.toAbsolutePath());
            PluginHelper.getRoutesLoader(context).loadRoutes(resource);
        } catch (Exception e) {
            problems.add(problem(file, e));
        }
        return problems;
    }

    private static Problem problem(Path file, Exception e) {
        Throwable cause = e;
        String message = e.getMessage();
        int line = 0;
        for (Throwable each = e; each != null; each = each.getCause()) {
            Matcher matcher = LINE.matcher(String.valueOf(each.getMessage()));
            if (matcher.find() && line == 0) {
                line = Integer.parseInt(matcher.group(1));
            }
            cause = each;
        }
        String reason = cause.getMessage() != null ? cause.getMessage() : message;
        return new Problem(file.getFileName().toString(), line, reason.replaceAll("\\s*\\R\\s*", " ").strip());
    }
}
