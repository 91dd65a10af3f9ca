package org.broadside.release;

import java.sql.Connection;
import java.sql.SQLException;
import org.broadside.dispatch.FailureListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pauses a release that keeps failing: after the configured number of failed attempts (a relay refusing every
 * message, a revoked password, a blocked sender address) sending more only burns the list's reputation. The
 * operator looks at the last reply in the status, fixes the cause and resumes, which starts the count anew.
 */
public final class AutoPause implements FailureListener {
    private static final Logger LOG = LoggerFactory.getLogger(AutoPause.class);

    private final ReleaseStore releases;
    private final int threshold;
    private final java.util.function.Consumer<String> paused;

    /**
     * @param threshold failed attempts after which a release pauses; 0 never pauses
     * @param paused    told the id of a release as it pauses (the dispatch gate stops its sending threads)
     */
    public AutoPause(ReleaseStore releases, int threshold, java.util.function.Consumer<String> paused) {
        this.releases = releases;
        this.threshold = threshold;
        this.paused = paused;
    }

    @Override
    public void failed(String releaseId, String reply, Connection connection) throws SQLException {
        int failures = releases.countFailure(releaseId, connection);
        if (threshold > 0 && failures >= threshold) {
            String reason = "paused automatically after " + failures + " failed attempts; last reply: " + reply;
            if (releases.pause(releaseId, reason, connection)) {
                paused.accept(releaseId);
                LOG.warn("release {} {}; resume it with: broadside resume {}", releaseId, reason, releaseId);
            }
        }
    }
}
