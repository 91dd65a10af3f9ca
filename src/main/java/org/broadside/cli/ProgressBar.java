package org.broadside.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Supplier;
import org.broadside.dispatch.DeliveryState;

/** A one-line progress bar on stderr, redrawn from the ledger's counts while a release goes out. */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private static final long INTERVAL_MILLIS = 1000;
    /** A paint may take at most this share of the time between paints (see below). */
    private static final int BUSY_ONE_IN = 20;

    private final PrintWriter err;
    private final Supplier<Map<DeliveryState, Integer>> counts;
    private final Thread painter;

    private int painted;

    ProgressBar(PrintWriter err, Supplier<Map<DeliveryState, Integer>> counts) {
        this.err = err;
        this.counts = counts;
        this.painter = new Thread(this::paintUntilInterrupted, "progress");
        this.painter.setDaemon(true);
        this.painter.start();
    }

    private void paintUntilInterrupted() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long started = System.nanoTime();
                paint();
                // Each paint counts the release's ledger rows, which on a 100,000-recipient release cost as much
                // CPU as sending when it ran four times a second: once a second, or less often if counting takes
                // longer than a twentieth of that, so the bar never takes more than that share of one core.
                long tookMillis = (System.nanoTime() - started) / 1_000_000;
                Thread.sleep(Math.max(INTERVAL_MILLIS, tookMillis * BUSY_ONE_IN));
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void paint() {
        paint(false);
    }

    private void paint(boolean last) {
        String line = line(counts.get(), last);
        // Spaces over whatever is left of a longer line painted before.
        err.print("\r" + line + " ".repeat(Math.max(0, painted - line.length())));
        painted = line.length();
        err.flush();
    }

    /**
     * The progress line; before the release has any delivery (it is still being planned, which takes a while for
     * a large list) it says so rather than showing an empty release as complete.
     */
    static String line(Map<DeliveryState, Integer> counts, boolean last) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0 && !last) {
            return "[" + ".".repeat(WIDTH) + "] planning each recipient's delivery...";
        }
        int done = counts.entrySet().stream().filter(e -> e.getKey().isOutcome()).mapToInt(Map.Entry::getValue).sum();
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        int percent = total == 0 ? 100 : done * 100 / total;
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + percent + "% " + done + "/" + total
                + "  sent " + counts.get(DeliveryState.SENT) + "  failed " + counts.get(DeliveryState.FAILED)
                + "  suppressed " + counts.get(DeliveryState.SUPPRESSED);
    }

    @Override
    public void close() throws InterruptedException {
        painter.interrupt();
        painter.join();
        paint(true);
        err.println();
    }
}
