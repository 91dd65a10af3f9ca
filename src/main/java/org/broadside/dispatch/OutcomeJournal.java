package org.broadside.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.broadside.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records sent outcomes by appending them to a journal file of this process, and writes them to the deliveries
 * table a moment later, many in one transaction.
 *
 * <p>Why: on the embedded H2 a commit writes the changed pages of the table and its indexes, several hundred
 * microseconds of this process's CPU, more than rendering and sending the email. One append is a single write
 * to the operating system, which keeps it when the process is killed, exactly as it keeps H2's own writes (H2
 * does not force its file to disk either). So the crash bound is the same as committing each outcome: only a
 * message the server accepted whose append had not happened yet can go out twice.
 *
 * <p>The journal is a sequence of segment files, {@code <sender id>.<n>.journal}, one line per outcome. Every
 * {@value #APPLY_EVERY_MILLIS} ms (and when {@link #settle} asks) the open segment is closed, its outcomes are
 * written to the table and the file is deleted. A sender that died leaves its segments behind; whoever requeues
 * its deliveries ({@link Ledger#requeueStale}) first settles them from its journal, in the same transaction.
 * Readers of the ledger in other processes see an outcome at most that long after it happened; the dispatch
 * route settles before it decides whether a release is finished.
 */
final class OutcomeJournal implements SentRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeJournal.class);
    static final long APPLY_EVERY_MILLIS = 50;
    private static final String SUFFIX = ".journal";

    private final Database database;
    private final Path directory;
    private final Supplier<String> senderId;
    private final long applyEveryMillis;
    private final ReentrantLock applying = new ReentrantLock();
    /** Guards the open segment and the lists below; held for one write, never while the database works. */
    private final Object appending = new Object();
    private FileChannel open;
    private Path openPath;
    private long segments;
    private List<SentOutcome> inOpen = new ArrayList<>();
    /** Closed segments whose outcomes are not in the table yet (a failed write is tried again). */
    private final List<Segment> closed = new ArrayList<>();
    private ScheduledExecutorService applier;
    private boolean stopped;

    /** @param senderId this process's sender id (registered by its first claim, before any outcome) */
    OutcomeJournal(Database database, Path directory, Supplier<String> senderId) {
        this(database, directory, senderId, APPLY_EVERY_MILLIS);
    }

    /** @param applyEveryMillis how often outcomes go from the journal to the table without being asked */
    OutcomeJournal(Database database, Path directory, Supplier<String> senderId, long applyEveryMillis) {
        this.database = database;
        this.directory = directory;
        this.senderId = senderId;
        this.applyEveryMillis = applyEveryMillis;
    }

    private record Segment(Path path, List<SentOutcome> outcomes) {
    }

    @Override
    public void record(SentOutcome outcome) {
        ByteBuffer line = ByteBuffer.wrap(JournalLine.format(outcome));
        synchronized (appending) {
            if (!stopped) {
                try {
                    append(line);
                    inOpen.add(outcome);
                    return;
                } catch (IOException e) {
                    // A full or read-only disk: the outcome must still be kept, so it goes to the table directly.
                    LOG.warn("cannot append to the outcome journal in {}, committing directly: {}", directory,
                            e.getMessage());
                }
            }
        }
        database.inTransaction(connection -> {
            SentRows.write(connection, List.of(outcome));
            return null;
        });
    }

    /** Called holding {@link #appending}. */
    private void append(ByteBuffer line) throws IOException {
        if (open == null) {
            Files.createDirectories(directory);
            openPath = directory.resolve(senderId.get() + "." + (++segments) + SUFFIX);
            open = FileChannel.open(openPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            startApplier();
        }
        while (line.hasRemaining()) {
            open.write(line);
        }
    }

    private void startApplier() {
        if (applier == null) {
            applier = PeriodicTask.start("broadside-outcome-journal", applyEveryMillis, this::applyQuietly);
        }
    }

    private void applyQuietly() {
        try {
            apply();
        } catch (RuntimeException e) {
            // The outcomes stay in their segments and in memory: the next round tries again.
            LOG.warn("cannot write journaled outcomes to the ledger yet: {}", e.getMessage());
        }
    }

    @Override
    public void settle() {
        apply();
    }

    /** Closes the open segment and writes every closed segment's outcomes to the table in one transaction. */
    private void apply() {
        applying.lock();
        try {
            List<Segment> pending;
            synchronized (appending) {
                closeOpenSegment();
                pending = List.copyOf(closed);
            }
            if (pending.isEmpty()) {
                return;
            }
            database.inTransaction(connection -> {
                for (Segment segment : pending) {
                    SentRows.write(connection, segment.outcomes());
                }
                return null;
            });
            synchronized (appending) {
                closed.removeAll(pending);
            }
            pending.forEach(segment -> delete(segment.path()));
        } finally {
            applying.unlock();
        }
    }

    /** Called holding {@link #appending}. */
    private void closeOpenSegment() {
        if (open == null) {
            return;
        }
        try {
            open.close();
        } catch (IOException e) {
            // Every line was written before close; a failing close loses nothing of it.
            LOG.warn("cannot close {}: {}", openPath, e.getMessage());
        }
        closed.add(new Segment(openPath, inOpen));
        open = null;
        inOpen = new ArrayList<>();
    }

    @Override
    public Runnable recoverOrphans(Connection connection, Set<String> liveSenders) throws SQLException {
        if (!Files.isDirectory(directory)) {
            return () -> { };
        }
        List<Path> settled = new ArrayList<>();
        int outcomes = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                String sender = file.getFileName().toString().split("\\.", 2)[0];
                if (liveSenders.contains(sender)) {
                    continue;
                }
                List<SentOutcome> recovered = JournalLine.read(file);
                SentRows.write(connection, recovered);
                outcomes += recovered.size();
                settled.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the outcome journal in " + directory, e);
        }
        if (outcomes > 0) {
            LOG.info("settled {} sent outcomes from the journal of senders that stopped", outcomes);
        }
        return () -> settled.forEach(OutcomeJournal::delete);
    }

    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (appending) {
            stopping = applier;
            applier = null;
        }
        if (stopping != null) {
            stopping.shutdown();
            try {
                stopping.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            apply();
        } catch (RuntimeException e) {
            // The segments stay: once this sender is gone, requeueing its deliveries settles them first.
            LOG.warn("journaled outcomes left in {} for the next requeue: {}", directory, e.getMessage());
        } finally {
            synchronized (appending) {
                stopped = true;
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Harmless: settling an outcome again finds the delivery sent and leaves it so.
            LOG.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }

    /** One outcome per line: delivery id, sent-at instant and the server's reply, tab-separated, reply escaped. */
    static final class JournalLine {
        private JournalLine() {
        }

        static byte[] format(SentOutcome outcome) {
            return (outcome.deliveryId() + "\t" + outcome.sentAt() + "\t" + escape(outcome.reply()) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        }

        /**
         * The outcomes of a segment file. A last line without its line break was being written when the process
         * died: its message counts as in flight, like one the process never got to record.
         */
        static List<SentOutcome> read(Path file) throws IOException {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<SentOutcome> outcomes = new ArrayList<>();
            int start = 0;
            int lineNumber = 0;
            for (int end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
                lineNumber++;
                String[] fields = text.substring(start, end).split("\t", 3);
                try {
                    outcomes.add(new SentOutcome(Long.parseLong(fields[0]), unescape(fields[2]),
                            Instant.parse(fields[1])));
                } catch (ArrayIndexOutOfBoundsException | NumberFormatException | DateTimeParseException e) {
                    LOG.warn("{}:{}: not a journaled outcome, skipped: {}", file, lineNumber, e.getMessage());
                }
            }
            return outcomes;
        }

        private static String escape(String reply) {
            if (reply == null) {
                return "\\0";
            }
            StringBuilder escaped = new StringBuilder(reply.length() + 8);
            for (int i = 0; i < reply.length(); i++) {
                char c = reply.charAt(i);
                switch (c) {
                    case '\\' -> escaped.append("\\\\");
                    case '\t' -> escaped.append("\\t");
                    case '\n' -> escaped.append("\\n");
                    case '\r' -> escaped.append("\\r");
                    default -> escaped.append(c);
                }
            }
            return escaped.toString();
        }

        private static String unescape(String field) {
            if (field.equals("\\0")) {
                return null;
            }
            StringBuilder reply = new StringBuilder(field.length());
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                if (c == '\\' && i + 1 < field.length()) {
                    char next = field.charAt(++i);
                    reply.append(switch (next) {
                        case 't' -> '\t';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        default -> next;
                    });
                } else {
                    reply.append(c);
                }
            }
            return reply.toString();
        }
    }
}
