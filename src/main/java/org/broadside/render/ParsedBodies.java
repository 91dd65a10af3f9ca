package org.broadside.render;

import java.util.LinkedHashMap;
import java.util.Map;
import org.broadside.statement.Statement;

/**
 * Markdown bodies parsed once per language version rather than once per recipient: a release renders the same
 * few versions for thousands of recipients. Keyed by the body text itself, so nothing depends on a caller's hash
 * being right; a handful are kept, the least recently used going first, as a service runs for months.
 */
final class ParsedBodies {
    private static final int KEPT = 32;

    private final Map<String, MarkdownBody> byBody = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MarkdownBody> eldest) {
            return size() > KEPT;
        }
    };

    synchronized MarkdownBody of(Statement version) {
        return byBody.computeIfAbsent(version.body(), MarkdownBody::parse);
    }
}
