package org.broadside.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes what several threads record at about the same time in one transaction, while each caller still returns
 * only once its own record is committed.
 *
 * <p>Why: the ledger records every outcome durably before the sending thread moves on (that is what bounds the
 * double mail after a crash to the messages in flight), and on the embedded H2 a commit costs more than the
 * update in it: it writes the changed pages of the table and its indexes. A thread that arrives while another
 * commits queues its record; whoever holds the lock next writes everything queued so far, its own and the
 * others', and the others find theirs done.
 *
 * @param <T> one record, written by the writer given a list of them in one transaction
 */
public final class GroupCommit<T> {
    private final Consumer<List<T>> writer;
    private final ReentrantLock writing = new ReentrantLock();
    private final ConcurrentLinkedQueue<Entry<T>> queued = new ConcurrentLinkedQueue<>();

    public GroupCommit(Consumer<List<T>> writer) {
        this.writer = writer;
    }

    /**
     * Returns once the record is committed, alone or with others.
     *
     * @throws RuntimeException what the writer threw for the transaction holding this record
     */
    public void write(T record) {
        Entry<T> entry = new Entry<>(record);
        queued.add(entry);
        writing.lock();
        try {
            if (!entry.written) {
                writeQueued();
            }
        } finally {
            writing.unlock();
        }
        if (entry.failure != null) {
            throw entry.failure;
        }
    }

    /** Called with the lock held; the entries' fields are read by their owners after taking the lock. */
    private void writeQueued() {
        List<Entry<T>> batch = new ArrayList<>();
        for (Entry<T> next = queued.poll(); next != null; next = queued.poll()) {
            batch.add(next);
        }
        List<T> records = new ArrayList<>(batch.size());
        for (Entry<T> entry : batch) {
            records.add(entry.record);
        }
        RuntimeException failure = null;
        try {
            writer.accept(records);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Entry<T> entry : batch) {
            entry.failure = failure;
            entry.written = true;
        }
    }

    private static final class Entry<T> {
        private final T record;
        private boolean written;
        private RuntimeException failure;

        private Entry(T record) {
            this.record = record;
        }
    }
}
