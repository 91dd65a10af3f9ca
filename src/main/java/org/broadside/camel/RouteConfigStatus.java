package org.broadside.camel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.broadside.validation.Problem;

/**
 * What became of the operator's latest edits to {@code routes/}: for each file whose last edit was refused,
 * why (file, line, reason, when), while the routes it had before keep running. A later valid edit of the same
 * file clears its error. Read by the health check and the console; bound as {@code routeConfigStatus}.
 */
public final class RouteConfigStatus {
    /** An edit that was refused: its first problem and when the service found it. */
    public record RouteConfigError(String file, int line, String reason, Instant at) {
        @Override
        public String toString() {
            return new Problem(file, line, reason).toString();
        }
    }

    private final Map<String, RouteConfigError> errors = new LinkedHashMap<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    synchronized void refused(Problem problem, Instant at) {
        errors.put(problem.file(), new RouteConfigError(problem.file(), problem.line(), problem.message(), at));
        refused.incrementAndGet();
    }

    synchronized void applied(String file) {
        errors.remove(file);
        applied.incrementAndGet();
    }

    /** The file is back to the text that runs (the bad edit was undone): nothing was applied, nothing is wrong. */
    synchronized void unchanged(String file) {
        errors.remove(file);
    }

    /** The refused edits still standing, one per file, oldest first. */
    public synchronized List<RouteConfigError> errors() {
        List<RouteConfigError> list = new ArrayList<>(errors.values());
        list.sort(Comparator.comparing(RouteConfigError::at));
        return list;
    }

    /** The most recent refused edit still standing, if any. */
    public synchronized Optional<RouteConfigError> lastError() {
        return errors.values().stream().max(Comparator.comparing(RouteConfigError::at));
    }

    /** Edits applied since the service started. */
    public long appliedCount() {
        return applied.get();
    }

    /** Edits refused since the service started. */
    public long refusedCount() {
        return refused.get();
    }
}
