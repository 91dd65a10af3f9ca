package org.broadside.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadside.validation.Problem;

/**
 * A route file that Camel's YAML DSL refused: SnakeYAML's syntax errors and the DSL's unknown steps and fields.
 * Their messages locate the problem as "in file:..., line N, column M:" followed by the offending line and a
 * caret; the operator gets the line number and the words around it, without the file's absolute path.
 */
final class DslProblem {
    private static final Pattern LOCATION = Pattern.compile("^\\s*in \\S+, line (\\d+), column \\d+:?\\s*$");

    private DslProblem() {
    }

    static Problem of(RouteFile file, Exception failure) {
        int line = 0;
        List<String> words = new ArrayList<>();
        for (Throwable each = failure; each != null; each = each.getCause() == each ? null : each.getCause()) {
            String message = String.valueOf(each.getMessage());
            if (each.getCause() != null && message.startsWith("Error pre-parsing resource")) {
                continue;
            }
            words.clear();
            List<String> lines = message.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher location = LOCATION.matcher(lines.get(i));
                if (location.matches()) {
                    if (line == 0) {
                        line = Integer.parseInt(location.group(1));
                    }
                    i += 2; // the quoted line of the file and the caret under the column
                } else if (!lines.get(i).isBlank()) {
                    words.add(lines.get(i).strip());
                }
            }
        }
        String reason = words.isEmpty() ? failure.getClass().getSimpleName() : String.join(": ", words);
        return new Problem(file.name(), line, reason);
    }
}
