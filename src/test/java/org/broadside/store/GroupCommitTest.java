package org.broadside.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void everyCallerReturnsAfterItsRecordIsWrittenAndWaitingCallersShareAWrite() throws Exception {
        Set<Integer> committed = ConcurrentHashMap.newKeySet();
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer> commits = new GroupCommit<>(records -> {
            sleep(2); // a commit takes a while: callers arriving meanwhile queue up
            batchSizes.add(records.size());
            committed.addAll(records);
        });
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int record = i;
            calls.add(threads.submit(() -> {
                commits.write(record);
                assertThat(committed).as("written before write() returns").contains(record);
            }));
        }
        for (Future<?> call : calls) {
            call.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(committed).hasSize(400);
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(400);
        assertThat(batchSizes).as("several records per transaction").anyMatch(size -> size > 1);
    }

    @Test
    void aFailedTransactionFailsEveryCallerWhoseRecordWasInIt() throws Exception {
        CountDownLatch firstWriting = new CountDownLatch(1);
        CountDownLatch secondQueued = new CountDownLatch(1);
        GroupCommit<String> commits = new GroupCommit<>(records -> {
            if (records.contains("first")) {
                firstWriting.countDown();
                await(secondQueued);
                return;
            }
            throw new StoreException("disk full", null);
        });
        Thread first = new Thread(() -> commits.write("first"));
        first.start();
        await(firstWriting);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> others = new ArrayList<>();
        for (String record : List.of("second", "third")) {
            Thread other = new Thread(() -> {
                try {
                    commits.write(record);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            });
            other.start();
            others.add(other);
        }
        sleep(200); // both are queued behind the first transaction
        secondQueued.countDown();
        first.join();
        for (Thread other : others) {
            other.join();
        }

        assertThat(failures).hasSize(2).allSatisfy(failure -> assertThat(failure).hasMessage("disk full"));
        assertThatThrownBy(() -> commits.write("fourth")).hasMessage("disk full");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
