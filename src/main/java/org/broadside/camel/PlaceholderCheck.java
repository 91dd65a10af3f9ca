package org.broadside.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.broadside.config.Settings;
import org.broadside.validation.Problem;

/**
 * Finds every {@code {{...}}} in a route file's text and resolves it as the service would, so that a typo in a
 * setting's name is reported at its own line rather than as an endpoint or route failing to start. Camel only
 * resolves placeholders when it builds a route, which a check must not do.
 */
final class PlaceholderCheck {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.+?)}}");

    private PlaceholderCheck() {
    }

    static List<Problem> problems(RouteFile file, CamelContext context) {
        List<Problem> problems = new ArrayList<>();
        List<String> lines = file.lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("#")) {
                continue;
            }
            Matcher matcher = PLACEHOLDER.matcher(line);
            while (matcher.find()) {
                try {
                    context.resolvePropertyPlaceholders(matcher.group());
                } catch (RuntimeException unresolved) {
                    problems.add(new Problem(file.name(), i + 1, unset(matcher.group(1).strip())));
                }
            }
        }
        return problems;
    }

    private static String unset(String key) {
        if (key.contains(":")) {
            return "property placeholder {{" + key + "}} does not resolve";
        }
        return "property placeholder {{" + key + "}} is not set (no setting " + key + " in the built-in defaults, "
                + "config/application.properties or the environment variable " + Settings.environmentName(key) + ")";
    }
}
