package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.broadside.store.StoreException;
import org.junit.jupiter.api.Test;

class ClaimedBatchesTest {
    /** Batches handed out in order; counts the claims made so far. */
    private static final class Claims implements Supplier<List<Integer>> {
        private final Deque<List<Integer>> batches;
        int made;

        Claims(List<List<Integer>> batches) {
            this.batches = new ArrayDeque<>(batches);
        }

        @Override
        public List<Integer> get() {
            made++;
            return batches.isEmpty() ? List.of() : batches.poll();
        }
    }

    /** Runs what it is given only when asked, so that a test sees what was submitted and when. */
    private static final class HeldExecutor implements Executor {
        final Deque<Runnable> held = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            held.add(task);
        }

        void runAll() {
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }
    }

    @Test
    void onDemandClaimsTheNextBatchOnlyWhenTheLastIsUsedUpAndStopsAtTheFirstEmptyClaim() {
        Claims claims = new Claims(List.of(List.of(1, 2), List.of(3)));
        ClaimedBatches<Integer> rows = ClaimedBatches.onDemand(claims);

        assertThat(rows.next()).isEqualTo(1);
        assertThat(claims.made).isEqualTo(1);
        assertThat(rows.next()).isEqualTo(2);
        assertThat(claims.made).isEqualTo(1);
        assertThat(rows.next()).isEqualTo(3);
        assertThat(rows.hasNext()).isFalse();
        assertThat(rows.hasNext()).isFalse();
        assertThat(claims.made).isEqualTo(3);
    }

    @Test
    void claimingAheadStartsTheNextClaimAsSoonAsABatchIsHandedOutAndNoFurther() {
        Claims claims = new Claims(List.of(List.of(1, 2), List.of(3), List.of(4)));
        HeldExecutor claimer = new HeldExecutor();
        ClaimedBatches<Integer> rows = ClaimedBatches.claimingAhead(claims, claimer);

        assertThat(rows.next()).isEqualTo(1);
        // The first batch is claimed on the caller's thread; the second is already asked of the claimer.
        assertThat(claims.made).isEqualTo(1);
        assertThat(claimer.held).hasSize(1);
        claimer.runAll();
        assertThat(claims.made).isEqualTo(2);
        // One batch ahead, never more, however long the caller takes with the current one.
        assertThat(rows.next()).isEqualTo(2);
        assertThat(claimer.held).isEmpty();

        assertThat(rows.next()).isEqualTo(3);
        claimer.runAll();
        assertThat(rows.next()).isEqualTo(4);
        claimer.runAll();
        assertThat(rows.hasNext()).isFalse();
        assertThat(claimer.held).as("nothing is claimed after an empty claim").isEmpty();
        assertThat(claims.made).isEqualTo(4);
    }

    @Test
    void aClaimAheadThatFailsThrowsItsOwnExceptionToTheCaller() {
        List<Integer> first = new ArrayList<>(List.of(1));
        Deque<Supplier<List<Integer>>> outcomes = new ArrayDeque<>(List.of(() -> first, () -> {
            throw new StoreException("the database is gone", null);
        }));
        ClaimedBatches<Integer> rows = ClaimedBatches.claimingAhead(() -> outcomes.poll().get(), Runnable::run);

        assertThat(rows.next()).isEqualTo(1);
        assertThatThrownBy(rows::hasNext).isInstanceOf(StoreException.class).hasMessage("the database is gone");
    }
}
