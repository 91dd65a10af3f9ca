package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import org.broadside.testing.ScriptedSmtpServer;
import org.junit.jupiter.api.Test;

/** One SMTP connection against a real server that advertises RFC 2920 PIPELINING, or does not. */
class PipeliningSmtpTransportTest {
    private static final Session PARSING = Session.getInstance(new java.util.Properties());

    @Test
    void sendsMailRcptAndDataWithoutWaitingWhenTheServerAdvertisesPipelining() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of()).advertisePipelining(true)) {
            SmtpConnection connection = connection(smtp, true);

            String first = connection.send(email("one@example.org", "Hello\r\n"));
            String second = connection.send(email("two@example.org", "Hello again\r\n"));
            connection.close();

            assertThat(first).startsWith("250 2.0.0 queued");
            assertThat(second).startsWith("250 2.0.0 queued");
            assertThat(smtp.sentAheadOfMailReply()).containsExactly(true, true);
            assertThat(smtp.accepted()).isEqualTo(2);
            assertThat(smtp.connections()).isEqualTo(1);
        }
    }

    @Test
    void waitsForEachReplyWhenPipeliningIsSwitchedOff() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of()).advertisePipelining(true)) {
            SmtpConnection connection = connection(smtp, false);

            connection.send(email("one@example.org", "Hello\r\n"));
            connection.close();

            assertThat(smtp.sentAheadOfMailReply()).containsExactly(false);
            assertThat(smtp.accepted()).isEqualTo(1);
        }
    }

    @Test
    void waitsForEachReplyWhenTheServerDoesNotAdvertisePipelining() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of()).watchWhetherClientWaits()) {
            SmtpConnection connection = connection(smtp, true);

            connection.send(email("one@example.org", "Hello\r\n"));
            connection.close();

            assertThat(smtp.sentAheadOfMailReply()).containsExactly(false);
            assertThat(smtp.accepted()).isEqualTo(1);
        }
    }

    @Test
    void aRefusedRecipientFailsPermanentlyWithTheServersReplyAndTheConnectionGoesOn() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of("gone@example.org"))
                .advertisePipelining(true)) {
            SmtpConnection connection = connection(smtp, true);

            assertThatThrownBy(() -> connection.send(email("gone@example.org", "Hello\r\n")))
                    .isInstanceOfSatisfying(DeliveryFailedException.class,
                            e -> assertThat(e.isPermanent()).isTrue())
                    .hasMessageContaining("550 5.1.1 <gone@example.org>: user unknown");
            String next = connection.send(email("here@example.org", "Hello\r\n"));
            connection.close();

            assertThat(next).startsWith("250 2.0.0 queued");
            assertThat(smtp.receipts()).extracting(ScriptedSmtpServer.Receipt::recipient)
                    .containsExactly("here@example.org");
            assertThat(smtp.commands()).containsSubsequence("RCPT TO:<gone@example.org>", "DATA", "RSET",
                    "MAIL FROM:<sender@example.org>", "RCPT TO:<here@example.org>", "DATA", "<data>.");
            assertThat(smtp.connections()).as("the refusal cost no reconnect").isEqualTo(1);
        }
    }

    @Test
    void aServerThatAnswersDataDespiteTheRefusalGetsAnEmptyMessageAndNothingIsDelivered() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of("gone@example.org"))
                .advertisePipelining(true).answerDataDespiteNoRecipients(true)) {
            SmtpConnection connection = connection(smtp, true);

            assertThatThrownBy(() -> connection.send(email("gone@example.org", "Hello\r\n")))
                    .isInstanceOfSatisfying(DeliveryFailedException.class,
                            e -> assertThat(e.isPermanent()).isTrue())
                    .hasMessageContaining("550 5.1.1");
            String next = connection.send(email("here@example.org", "Hello\r\n"));
            connection.close();

            assertThat(smtp.commands()).containsSubsequence("RCPT TO:<gone@example.org>", "DATA", ".", "RSET",
                    "MAIL FROM:<sender@example.org>");
            assertThat(next).startsWith("250 2.0.0 queued");
            assertThat(smtp.receipts()).extracting(ScriptedSmtpServer.Receipt::recipient)
                    .containsExactly("here@example.org");
        }
    }

    @Test
    void aRefusedSenderFailsPermanentlyWithTheReplyToMailFromNotTheRecipientsEcho() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of())
                .advertisePipelining(true).refuseSender(true)) {
            SmtpConnection connection = connection(smtp, true);

            assertThatThrownBy(() -> connection.send(email("one@example.org", "Hello\r\n")))
                    .isInstanceOfSatisfying(DeliveryFailedException.class,
                            e -> assertThat(e.isPermanent()).isTrue())
                    .hasMessageContaining("550 5.1.0 sender rejected");
            smtp.refuseSender(false);
            String next = connection.send(email("one@example.org", "Hello\r\n"));
            connection.close();

            assertThat(next).startsWith("250 2.0.0 queued");
            assertThat(smtp.commands()).containsSubsequence("MAIL FROM:<sender@example.org>",
                    "RCPT TO:<one@example.org>", "DATA", "RSET", "MAIL FROM:<sender@example.org>");
            assertThat(smtp.accepted()).isEqualTo(1);
        }
    }

    @Test
    void aTemporaryRefusalOfTheRecipientIsLeftForALaterTry() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of())
                .advertisePipelining(true).deferRecipientOnce(Set.of("busy@example.org"))) {
            SmtpConnection connection = connection(smtp, true);

            assertThatThrownBy(() -> connection.send(email("busy@example.org", "Hello\r\n")))
                    .isInstanceOfSatisfying(DeliveryFailedException.class,
                            e -> assertThat(e.isPermanent()).isFalse())
                    .hasMessageContaining("450 4.2.0");
            String later = connection.send(email("busy@example.org", "Hello\r\n"));
            connection.close();

            assertThat(later).startsWith("250 2.0.0 queued");
            assertThat(smtp.acceptedFor("busy@example.org")).isEqualTo(1);
        }
    }

    @Test
    void a421ToMailFromReconnectsAndOffersTheMessageAgain() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of())
                .advertisePipelining(true).closeWith421After(1)) {
            SmtpConnection connection = connection(smtp, true);

            connection.send(email("one@example.org", "Hello\r\n"));
            String second = connection.send(email("two@example.org", "Hello\r\n"));
            connection.close();

            assertThat(second).startsWith("250 2.0.0 queued");
            assertThat(smtp.accepted()).isEqualTo(2);
            assertThat(smtp.connections()).isEqualTo(2);
        }
    }

    @Test
    void theServerReceivesTheMessageExactlyAsWrittenDotStuffedWithItsLastLineEnded() throws Exception {
        assertThat(PipeliningSmtpTransport.writesContentInOnePass()).as("the fast path reaches Angus's stream").isTrue();
        String body = ".starts with a dot\r\nplain\r\n..two dots\r\n.\r\nended without a line end";
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of()).advertisePipelining(true)) {
            SmtpConnection connection = connection(smtp, true);
            OutgoingEmail email = email("one@example.org", body);

            connection.send(email);
            connection.close();

            ByteArrayOutputStream written = new ByteArrayOutputStream();
            email.message().writeTo(written);
            written.write("\r\n".getBytes(StandardCharsets.US_ASCII)); // SMTP ends the last line (RFC 5321 §4.1.1.4)
            List<byte[]> received = smtp.rawData();
            assertThat(received).hasSize(1);
            assertThat(new String(undotted(received.get(0)), StandardCharsets.ISO_8859_1))
                    .isEqualTo(written.toString(StandardCharsets.ISO_8859_1));
            assertThat(new String(received.get(0), StandardCharsets.ISO_8859_1))
                    .contains("\r\n..starts with a dot\r\n", "\r\n...two dots\r\n..\r\nended without a line end\r\n.\r\n");
        }
    }

    @Test
    void aMessageLeavesInTwoSocketWritesTheEnvelopeWithDataThenTheContentWithItsEndMark() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(Set.of(), Set.of()).advertisePipelining(true)) {
            CountingSockets sockets = new CountingSockets();
            SmtpConnection connection = connection(smtp, true, sockets);
            connection.send(email("one@example.org", "Hello\r\n")); // connects: greeting, EHLO
            String content = ".a line that gets its dot doubled\r\n".repeat(1_000); // 35 KB, above Angus's 8 KB buffer

            int before = sockets.writes.get();
            connection.send(email("two@example.org", content));
            int writes = sockets.writes.get() - before;
            connection.close();

            assertThat(writes).as("MAIL+RCPT+DATA, then headers+content+\".\"").isEqualTo(2);
            assertThat(smtp.accepted()).isEqualTo(2);
            assertThat(new String(smtp.rawData().get(1), StandardCharsets.ISO_8859_1))
                    .contains("\r\n\r\n..a line that gets its dot doubled\r\n")
                    .endsWith("..a line that gets its dot doubled\r\n.\r\n");
        }
    }

    /** The data as the client meant it: the end mark removed and each line's leading dot undoubled (§4.5.2). */
    private static byte[] undotted(byte[] data) {
        String wire = new String(data, StandardCharsets.ISO_8859_1);
        assertThat(wire).endsWith("\r\n.\r\n");
        wire = wire.substring(0, wire.length() - 3);
        StringBuilder out = new StringBuilder();
        for (String line : wire.split("(?<=\r\n)")) {
            out.append(line.startsWith(".") ? line.substring(1) : line);
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static SmtpConnection connection(ScriptedSmtpServer smtp, boolean pipelining) {
        return connection(smtp, pipelining, null);
    }

    private static SmtpConnection connection(ScriptedSmtpServer smtp, boolean pipelining, SocketFactory sockets) {
        SmtpSettings settings = new SmtpSettings("127.0.0.1", smtp.port(), null, null, SmtpSettings.StartTls.OFF,
                5000, 1, 0, pipelining);
        Properties properties = SmtpTransport.properties(settings);
        if (sockets != null) {
            properties.put("mail.smtp.socketFactory", sockets);
        }
        return new SmtpConnection(settings, Session.getInstance(properties));
    }

    /** Plain sockets that count the writes made to them, each one a system call. */
    private static final class CountingSockets extends SocketFactory {
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public OutputStream getOutputStream() throws IOException {
                    return new FilterOutputStream(super.getOutputStream()) {
                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            writes.incrementAndGet();
                            out.write(b, off, len);
                        }

                        @Override
                        public void write(int b) throws IOException {
                            writes.incrementAndGet();
                            out.write(b);
                        }
                    };
                }
            };
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = createSocket();
            socket.connect(new InetSocketAddress(host, port));
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return createSocket(host.getHostAddress(), port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort)
                throws IOException {
            return createSocket(host.getHostAddress(), port);
        }
    }

    /** A message parsed from bytes, so that writeTo gives its content exactly as here. */
    private static OutgoingEmail email(String to, String body) throws Exception {
        String raw = "From: sender@example.org\r\nTo: " + to + "\r\nSubject: test\r\nMessage-ID: <"
                + Arrays.hashCode(body.getBytes(StandardCharsets.UTF_8)) + "." + to + ">\r\n\r\n" + body;
        MimeMessage message = new MimeMessage(PARSING, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        return new OutgoingEmail(1, "statement", to, message);
    }
}
