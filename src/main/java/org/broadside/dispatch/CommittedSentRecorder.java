package org.broadside.dispatch;

import java.sql.Connection;
import java.util.Set;
import org.broadside.store.Database;
import org.broadside.store.GroupCommit;

/**
 * Commits each sent outcome to the deliveries table before the sender moves on; senders finishing at about the
 * same time share a commit. For a database server (PostgreSQL), whose commit costs this process a round trip,
 * and which several machines may share: nothing is kept on this machine's disk.
 */
final class CommittedSentRecorder implements SentRecorder {
    private final GroupCommit<SentOutcome> commits;

    CommittedSentRecorder(Database database) {
        this.commits = new GroupCommit<>(outcomes -> database.inTransaction(connection -> {
            SentRows.write(connection, outcomes);
            return null;
        }));
    }

    @Override
    public void record(SentOutcome outcome) {
        commits.write(outcome);
    }

    @Override
    public void settle() {
        // Every outcome is in the table by the time record returned.
    }

    @Override
    public Runnable recoverOrphans(Connection connection, Set<String> liveSenders) {
        return () -> { };
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
