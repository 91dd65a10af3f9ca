package org.broadside.testing;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
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
 * were open at once.
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
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = client.getOutputStream()) {
            say(out, "220 scripted.example ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    say(out, "250-scripted.example\r\n250 8BITMIME");
                } else if (command.startsWith("MAIL FROM")) {
                    if (closeAfter > 0 && acceptedHere >= closeAfter) {
                        say(out, "421 4.7.0 scripted.example closing: too many messages on this connection");
                        return;
                    }
                    say(out, "250 2.1.0 ok");
                } else if (command.startsWith("RCPT TO")) {
                    recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
                    say(out, refuseEveryone || refuse.contains(recipient) ? "550 5.1.1 <" + recipient + ">: user unknown" : "250 2.1.5 ok");
                } else if (command.startsWith("DATA")) {
                    say(out, "354 go ahead");
                    String messageId = readMessage(in);
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

    /**
     * Reads a message up to its end mark and returns its Message-ID, or null if it has none. A client that goes
     * away before the end mark (a sender killed mid-message) ends the session: that message was never accepted.
     */
    private static String readMessage(BufferedReader in) throws IOException {
        String messageId = null;
        boolean inHeaders = true;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
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
