package org.broadside.dispatch;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * How the ledger makes "the server accepted this message" durable before the sending thread moves on: committed
 * to the deliveries table ({@link CommittedSentRecorder}) or appended to this process's outcome journal and
 * written to the table a moment later ({@link OutcomeJournal}). Either way a crash after {@link #record} returns
 * never sends that message again.
 */
interface SentRecorder extends AutoCloseable {
    /** Returns once the outcome survives a crash of this process. */
    void record(SentOutcome outcome);

    /** Returns once everything recorded so far is in the deliveries table, where every reader looks. */
    void settle();

    /**
     * Settles, in the caller's transaction, the outcomes that senders no longer alive recorded but did not write to
     * the table; called just before their unsettled deliveries go back to the queue. Returns what to do once that
     * transaction has committed (forget what it settled).
     */
    Runnable recoverOrphans(Connection connection, Set<String> liveSenders) throws SQLException;

    /** Settles and stops; outcomes recorded after this are committed one by one. */
    @Override
    void close();
}
