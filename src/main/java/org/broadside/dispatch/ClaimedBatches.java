package org.broadside.dispatch;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Rows claimed a batch at a time as the caller iterates (a route's streaming split): never more than one batch
 * in memory, and the next batch claimed only once the last one has been handed out. Ends at the first empty claim.
 *
 * @param <T> a claimed delivery
 */
final class ClaimedBatches<T> implements Iterator<T> {
    private final Supplier<List<T>> claimNext;
    private Iterator<T> batch = List.<T>of().iterator();
    private boolean exhausted;

    ClaimedBatches(Supplier<List<T>> claimNext) {
        this.claimNext = claimNext;
    }

    @Override
    public boolean hasNext() {
        if (!batch.hasNext() && !exhausted) {
            List<T> claimed = claimNext.get();
            exhausted = claimed.isEmpty();
            batch = claimed.iterator();
        }
        return batch.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.next();
    }
}
