package org.broadside.dispatch;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    @Test
    void aRunThatThrowsDoesNotStopTheTask() {
        AtomicInteger runs = new AtomicInteger();
        ScheduledExecutorService task = PeriodicTask.start("periodic-task-test", 10, () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the first run fails");
            }
        });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
        } finally {
            task.shutdownNow();
        }
    }
}
