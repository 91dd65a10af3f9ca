package org.broadside.dispatch;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task the dispatch runs in the background at a fixed delay (the sender's heartbeat, the outcome journal's
 * writes, the SMTP socket watchdog), on a daemon thread of its own, named for it in thread dumps, that never keeps
 * the process alive. A run that throws is logged and the task runs again next period: a scheduled executor would
 * otherwise drop the task for good after one exception, and with it, say, every SMTP read's time limit.
 */
final class PeriodicTask {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

    private PeriodicTask() {
    }

    /** Starts the task after one period; shut the returned executor down to stop it. */
    static ScheduledExecutorService start(String threadName, long periodMillis, Runnable task) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread daemon = new Thread(runnable, threadName);
            daemon.setDaemon(true);
            return daemon;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("{} failed; it runs again in {} ms", threadName, periodMillis, e);
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return thread;
    }
}
