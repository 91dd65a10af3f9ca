package org.broadside.dispatch;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the dispatch route sends with, one per SMTP connection. The queue in front of them is short and
 * a full queue makes the splitting thread wait for room: that back-pressure keeps the route from claiming and
 * rendering far ahead of what the connections can send, so memory stays flat for any list size. Every message
 * is sent on one of these threads (never on the caller's), so that waiting for them to finish at shutdown
 * waits for every message in flight.
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
                }, DispatchThreads::waitForRoom);
    }

    private static void waitForRoom(Runnable task, ThreadPoolExecutor threads) {
        if (threads.isShutdown()) {
            throw new java.util.concurrent.RejectedExecutionException("dispatch is stopping");
        }
        try {
            threads.getQueue().put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.RejectedExecutionException("interrupted while waiting to dispatch", e);
        }
    }
}
