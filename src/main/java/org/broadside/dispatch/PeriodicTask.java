package org.broadside.dispatch;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task the dispatch runs in the background at a fixed delay (the sender's heartbeat, the outcome journal's
 * writes, the SMTP write watchdog), on a daemon thread of its own, named for it in thread dumps, that never keeps
 * the process alive.
 */
final class PeriodicTask {
    private PeriodicTask() {
    }

    /** Starts the task after one period; shut the returned executor down to stop it. */
    static ScheduledExecutorService start(String threadName, long periodMillis, Runnable task) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread daemon = new Thread(runnable, threadName);
            daemon.setDaemon(true);
            return daemon;
        });
        thread.scheduleWithFixedDelay(task, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return thread;
    }
}
