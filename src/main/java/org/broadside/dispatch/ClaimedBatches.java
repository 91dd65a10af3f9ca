package org.broadside.dispatch;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Rows claimed a batch at a time as the caller iterates (a route's streaming split). Ends at the first empty claim.
 *
 * <p>On demand, the next batch is claimed once the last one has been handed out: never more than one batch in
 * memory. Claiming ahead, the next batch is claimed on another thread as soon as one is handed out, so that the
 * caller finds it ready: the dispatch route iterates on one of its sending threads, and the others ran dry while
 * that one waited for a claim (a sixth of their time at four connections). Then at most two batches are in
 * memory and claimed; the rows of one claimed ahead and never sent are given back like any other (the dispatch
 * gate returns what a paused release no longer sends).
 *
 * @param <T> a claimed delivery
 */
final class ClaimedBatches<T> implements Iterator<T> {
    private final Supplier<List<T>> claimNext;
    private final Optional<Executor> ahead;
    private CompletableFuture<List<T>> claiming;
    private Iterator<T> batch = List.<T>of().iterator();
    private boolean exhausted;

    private ClaimedBatches(Supplier<List<T>> claimNext, Optional<Executor> ahead) {
        this.claimNext = claimNext;
        this.ahead = ahead;
    }

    /** Claims each batch when the caller needs it. */
    static <T> ClaimedBatches<T> onDemand(Supplier<List<T>> claimNext) {
        return new ClaimedBatches<>(claimNext, Optional.empty());
    }

    /** Claims the next batch on {@code claimer} while the caller works through the one before. */
    static <T> ClaimedBatches<T> claimingAhead(Supplier<List<T>> claimNext, Executor claimer) {
        return new ClaimedBatches<>(claimNext, Optional.of(claimer));
    }

    @Override
    public boolean hasNext() {
        if (!batch.hasNext() && !exhausted) {
            List<T> claimed = claiming == null ? claimNext.get() : await(claiming);
            claiming = null;
            exhausted = claimed.isEmpty();
            batch = claimed.iterator();
            if (!exhausted) {
                ahead.ifPresent(claimer -> claiming = CompletableFuture.supplyAsync(claimNext, claimer));
            }
        }
        return batch.hasNext();
    }

    /** The claim's own exception, as if it had been claimed on this thread. */
    private static <T> List<T> await(CompletableFuture<List<T>> claim) {
        try {
            return claim.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.next();
    }
}
