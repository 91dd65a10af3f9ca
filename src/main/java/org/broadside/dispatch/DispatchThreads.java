package org.broadside.dispatch;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the dispatch route sends with, one per SMTP connection. The queue in front of them is short and
 * a full queue makes the splitting thread send the message itself: that back-pressure keeps the route from
 * claiming and rendering far ahead of what the connections can send, so memory stays flat for any list size.
 */
public final class DispatchThreads {
    private DispatchThreads() {
    }

    public static ExecutorService create(int threads) {
        AtomicInteger number = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 2), runnable -> {
                    Thread thread = new Thread(runnable, "broadside-dispatch-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
