package org.broadside.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on loopback that answers as a test scripts it: a temporary failure (451) the first time a
 * given recipient's message is sent, a permanent refusal (550) for given recipients (or everyone), a 421 and a
 * closed connection after a number of messages on one connection, a delay per message. It counts what it
 * accepted (and keeps each accepted message's recipient and Message-ID), the connections it was given and how many
 * were open at once. It can also advertise RFC 2920 PIPELINING and record, for each MAIL FROM, whether the client
 * sent its next command before the reply; answer 4xx to a recipient once; answer 354 to DATA even when no recipient
 * was accepted; and keep the bytes of each message's data as they arrived.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    private static final String MESSAGE_ID = "Message-ID:";

    private final ServerSocket socket;
    private final Set<String> failOnce;
    private final Set<String> refuse;
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    private final Queue<Receipt> receipts = new ConcurrentLinkedQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private volatile int closeAfter;
    private volatile long delayMillis;
    private volatile boolean refuseEveryone;
    private volatile boolean pipelining;
    private volatile boolean watchMailReply;
    private volatile boolean dataDespiteNoRecipients;
    private volatile boolean refuseSender;
    private volatile Set<String> deferRecipientOnce = Set.of();
    private final Map<String, AtomicInteger> recipientTries = new ConcurrentHashMap<>();
    private final Queue<Boolean> sentAheadOfMailReply = new ConcurrentLinkedQueue<>();
    private final Queue<byte[]> rawData = new ConcurrentLinkedQueue<>();
    private final Queue<String> commands = new ConcurrentLinkedQueue<>();

    /** One message the server accepted: its recipient and its Message-ID header (null if it had none). */
    public record Receipt(String recipient, String messageId) {
    }

    public ScriptedSmtpServer(Set<String> failOnce, Set<String> refuse) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.failOnce = failOnce;
        this.refuse = refuse;
        Thread acceptor = new Thread(this::acceptLoop, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** How many messages the server accepted for a recipient. */
    public int acceptedFor(String recipient) {
        return accepted.getOrDefault(recipient, new AtomicInteger()).get();
    }

    public int triesFor(String recipient) {
        return tries.getOrDefault(recipient, new AtomicInteger()).get();
    }

    /** Messages accepted in all. */
    public int accepted() {
        return accepted.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Every message accepted so far, in the order the server accepted them. */
    public List<Receipt> receipts() {
        return List.copyOf(receipts);
    }

    /** Connections the server was given. */
    public int connections() {
        return connections.get();
    }

    /** The most connections that were open at the same time. */
    public int mostOpenAtOnce() {
        return mostOpen.get();
    }

    /** After this many messages on one connection, the next MAIL FROM gets "421" and the connection closes. */
    public ScriptedSmtpServer closeWith421After(int messages) {
        this.closeAfter = messages;
        return this;
    }

    /** Takes this long to accept each message, so that parallel senders overlap. */
    public ScriptedSmtpServer delayEachMessage(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** Refuses every recipient with a 550 while set. */
    public ScriptedSmtpServer refuseEveryone(boolean refuse) {
        this.refuseEveryone = refuse;
        return this;
    }

    /** Advertises PIPELINING in its EHLO reply, and watches the client as {@link #watchWhetherClientWaits()}. */
    public ScriptedSmtpServer advertisePipelining(boolean advertise) {
        this.pipelining = advertise;
        this.watchMailReply = advertise;
        return this;
    }

    /**
     * Before answering each MAIL FROM, waits a moment (300 ms) to see whether the client sends its next command
     * without waiting for the reply; see {@link #sentAheadOfMailReply()}.
     */
    public ScriptedSmtpServer watchWhetherClientWaits() {
        this.watchMailReply = true;
        return this;
    }

    /** Answers "450" the first time each of these recipients is given in RCPT TO. */
    public ScriptedSmtpServer deferRecipientOnce(Set<String> recipients) {
        this.deferRecipientOnce = recipients;
        return this;
    }

    /**
     * Answers DATA with 354 even when no recipient was accepted, as RFC 2920 §3.1 warns some servers do (and then
     * refuses the empty message with 554).
     */
    public ScriptedSmtpServer answerDataDespiteNoRecipients(boolean answer) {
        this.dataDespiteNoRecipients = answer;
        return this;
    }

    /** Refuses MAIL FROM with a 550 while set; the RCPT TO that follow get 503 (no sender). */
    public ScriptedSmtpServer refuseSender(boolean refuse) {
        this.refuseSender = refuse;
        return this;
    }

    /** For each MAIL FROM while watching: whether the next command had arrived before the reply. */
    public List<Boolean> sentAheadOfMailReply() {
        return List.copyOf(sentAheadOfMailReply);
    }

    /** Each DATA's bytes as they arrived, from after the 354 up to and including the end mark "CRLF.CRLF". */
    public List<byte[]> rawData() {
        return List.copyOf(rawData);
    }

    /**
     * Every command line received, in order, across connections; each message's data appears as "&lt;data&gt;.", an
     * empty one (the end mark alone) as ".".
     */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread session = new Thread(() -> converse(client), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        connections.incrementAndGet();
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        try {
            converseOn(client);
        } finally {
            open.decrementAndGet();
        }
    }

    private void converseOn(Socket client) {
        int acceptedHere = 0;
        try (client;
             InputStream in = new BufferedInputStream(client.getInputStream());
             OutputStream out = client.getOutputStream()) {
            say(out, "220 scripted.example ESMTP");
            String recipient = null;
            boolean sender = false;
            String line;
            while ((line = readCommand(in)) != null) {
                commands.add(line);
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    say(out, pipelining ? "250-scripted.example\r\n250-PIPELINING\r\n250 8BITMIME" : "250-scripted.example\r\n250 8BITMIME");
                } else if (command.startsWith("MAIL FROM")) {
                    recipient = null;
                    if (watchMailReply) {
                        sentAheadOfMailReply.add(nextCommandArrives(in));
                    }
                    if (closeAfter > 0 && acceptedHere >= closeAfter) {
                        say(out, "421 4.7.0 scripted.example closing: too many messages on this connection");
                        return;
                    }
                    sender = !refuseSender;
                    say(out, sender ? "250 2.1.0 ok" : "550 5.1.0 sender rejected");
                } else if (command.startsWith("RCPT TO")) {
                    String to = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
                    int asked = recipientTries.computeIfAbsent(to, r -> new AtomicInteger()).incrementAndGet();
                    if (!sender) {
                        say(out, "503 5.5.1 need MAIL first");
                    } else if (refuseEveryone || refuse.contains(to)) {
                        say(out, "550 5.1.1 <" + to + ">: user unknown");
                    } else if (deferRecipientOnce.contains(to) && asked == 1) {
                        say(out, "450 4.2.0 <" + to + ">: mailbox busy, try again later");
                    } else {
                        recipient = to;
                        say(out, "250 2.1.5 ok");
                    }
                } else if (command.startsWith("DATA")) {
                    if (recipient == null && !dataDespiteNoRecipients) {
                        say(out, "554 5.5.1 no valid recipients");
                        continue;
                    }
                    say(out, "354 go ahead");
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    String messageId = readMessage(in, raw);
                    commands.add(raw.size() == 3 ? "." : "<data>.");
                    if (recipient == null) {
                        say(out, "554 5.5.1 no valid recipients");
                        continue;
                    }
                    rawData.add(raw.toByteArray());
                    pause(delayMillis);
                    int attempt = tries.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
                    if (failOnce.contains(recipient) && attempt == 1) {
                        say(out, "451 4.3.0 try again later");
                    } else {
                        accepted.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
                        receipts.add(new Receipt(recipient, messageId));
                        acceptedHere++;
                        say(out, "250 2.0.0 queued as " + attempt);
                    }
                } else if (command.startsWith("RSET")) {
                    recipient = null;
                    sender = false;
                    say(out, "250 2.0.0 ok");
                } else if (command.startsWith("QUIT")) {
                    say(out, "221 bye");
                    return;
                } else {
                    say(out, "250 ok");
                }
            }
        } catch (IOException | RuntimeException dropped) {
            // The client went away: nothing to do for a test server.
        }
    }

    /** Whether more input arrives within a moment, without consuming it: a pipelining client has sent it already. */
    private static boolean nextCommandArrives(InputStream in) throws IOException {
        long until = System.nanoTime() + 300_000_000L;
        while (in.available() == 0 && System.nanoTime() < until) {
            pause(5);
        }
        return in.available() > 0;
    }

    /** One command line without its line end, or null at the end of the input. */
    private static String readCommand(InputStream in) throws IOException {
        byte[] line = readLine(in, null);
        if (line == null) {
            return null;
        }
        int end = line.length;
        while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
            end--;
        }
        return new String(line, 0, end, StandardCharsets.UTF_8);
    }

    /** The bytes up to and including the next LF (or to the end of the input), also copied to raw; null at the end. */
    private static byte[] readLine(InputStream in, ByteArrayOutputStream raw) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        if (line.size() == 0) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        if (raw != null) {
            raw.write(bytes);
        }
        return bytes;
    }

    /**
     * Reads a message up to its end mark, keeping its bytes in raw, and returns its Message-ID, or null if it has
     * none. A client that goes away before the end mark (a sender killed mid-message) ends the session: that
     * message was never accepted.
     */
    private static String readMessage(InputStream in, ByteArrayOutputStream raw) throws IOException {
        String messageId = null;
        boolean inHeaders = true;
        for (byte[] bytes = readLine(in, raw); bytes != null; bytes = readLine(in, raw)) {
            String line = new String(bytes, StandardCharsets.UTF_8).replaceFirst("\r?\n$", "");
            if (".".equals(line)) {
                return messageId;
            }
            if (line.isEmpty()) {
                inHeaders = false;
            } else if (inHeaders && line.regionMatches(true, 0, MESSAGE_ID, 0, MESSAGE_ID.length())) {
                messageId = line.substring(MESSAGE_ID.length()).strip();
            }
        }
        throw new EOFException("the client went away in the middle of a message");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
