package org.broadside.release;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.broadside.intake.StatementStore;
import org.broadside.intake.StoredStatement;
import org.broadside.statement.Statement;

/**
 * The exact content a release pinned, read back by hash (and checked against it), parsed once per
 * release rather than once per recipient. Never whatever the statement says now.
 */
public final class PinnedContent {
    private final ReleaseStore releases;
    private final StatementStore statements;
    private final Map<String, Map<String, Statement>> byRelease = new ConcurrentHashMap<>();

    public PinnedContent(ReleaseStore releases, StatementStore statements) {
        this.releases = releases;
        this.statements = statements;
    }

    /** The pinned language versions of a release, the original first. */
    public List<Statement> versions(String releaseId) {
        return List.copyOf(load(releaseId).values());
    }

    public Statement version(String releaseId, String statementId) {
        Statement version = load(releaseId).get(statementId);
        if (version == null) {
            throw new IllegalStateException("release " + releaseId + " did not pin '" + statementId + "'");
        }
        return version;
    }

    private Map<String, Statement> load(String releaseId) {
        return byRelease.computeIfAbsent(releaseId, id -> {
            Map<String, Statement> versions = new LinkedHashMap<>();
            releases.pinnedHashes(id).forEach((statementId, sha256) -> {
                StoredStatement stored = statements.find(statementId).orElseThrow();
                Statement version = statements.content(stored, sha256);
                if (version.translationOf() == null) {
                    Map<String, Statement> originalFirst = new LinkedHashMap<>();
                    originalFirst.put(statementId, version);
                    originalFirst.putAll(versions);
                    versions.clear();
                    versions.putAll(originalFirst);
                } else {
                    versions.put(statementId, version);
                }
            });
            return versions;
        });
    }
}
