package org.broadside.monitor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the SMTP server answers: a TCP connection and its 220 greeting within a short timeout, then QUIT.
 * The answer is kept for a few seconds, so that however often the health endpoint is called (it needs no
 * session), the mail server sees at most one probe in that time.
 */
public final class SmtpProbe {
    /** How long an answer is reused. */
    static final Duration CACHED_FOR = Duration.ofSeconds(10);

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final Clock clock;
    private Result last;
    /** When {@code last} was taken, on the monotonic clock: the wall clock may be fixed (tests) or jump. */
    private long lastNanos;

    /** What the probe found; {@code detail} is the greeting, or why there was none. */
    public record Result(boolean reachable, String detail, Instant checkedAt) {
    }

    public SmtpProbe(String host, int port, Duration timeout, Clock clock) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = (int) timeout.toMillis();
        this.clock = clock;
    }

    public String target() {
        return host + ":" + port;
    }

    /** Synchronized: concurrent health calls wait for one probe instead of each opening a connection. */
    public synchronized Result probe() {
        long now = System.nanoTime();
        if (last == null || now - lastNanos >= CACHED_FOR.toNanos()) {
            last = connect(clock.instant());
            lastNanos = now;
        }
        return last;
    }

    private Result connect(Instant now) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String greeting = lastLineOfReply(in);
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (greeting == null) {
                return new Result(false, "closed the connection without a greeting", now);
            }
            return new Result(greeting.startsWith("220"), greeting, now);
        } catch (IOException e) {
            return new Result(false, e.getClass().getSimpleName() + ": " + e.getMessage(), now);
        }
    }

    /** A greeting may span lines ("220-..." then "220 ..."); the last one carries the final code. */
    private static String lastLineOfReply(BufferedReader in) throws IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        return line;
    }
}
