package org.broadside.dispatch;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP client with two changes for sending many messages on one connection:
 *
 * <ul>
 *   <li><b>RFC 2920 PIPELINING</b>, when allowed and advertised: MAIL FROM and RCPT TO go out without waiting, and
 *   their replies are read, in order, when DATA's reply is needed; two round trips per message instead of four.
 *   Angus still builds every command (envelope from, DSN, AUTH=, SMTPUTF8) and checks every reply it reads:
 *   this class only answers its reads of MAIL and RCPT replies with the code Angus expects and checks the real
 *   replies itself later, throwing what Angus would have thrown for them.</li>
 *   <li>Message content goes through {@link DotStuffingOutputStream}, one pass per write instead of Angus's two
 *   per-byte layers.</li>
 * </ul>
 *
 * Everything else (connect, EHLO, STARTTLS, AUTH, DATA's and the end of data's replies, QUIT) is Angus's.
 */
final class PipeliningSmtpTransport extends SMTPTransport {
    private static final String MAIL = "MAIL FROM:";
    private static final String RCPT = "RCPT TO:";

    private final boolean pipeliningAllowed;
    /** Commands sent whose replies have not been read yet, oldest first. */
    private final List<OwedReply> owed = new ArrayList<>();
    private boolean pipeliningThisMessage;
    /** Set between sending a pipelined command and Angus's read of its reply, which is then not read. */
    private boolean replyDeferred;
    private Address[] recipients;
    private int recipientsSent;
    private DotStuffingOutputStream content;
    /** The stream to the server, coalescing writes until a reply is awaited; null if Angus's is out of reach. */
    private CoalescingOutputStream output;
    /** Kept from message to message (see {@link DotStuffingOutputStream#scratch()}). */
    private byte[] contentScratch = new byte[0];
    private boolean closed;

    PipeliningSmtpTransport(Session session, boolean pipeliningAllowed) {
        super(session, new URLName("smtp", null, -1, null, null, null));
        this.pipeliningAllowed = pipeliningAllowed;
    }

    /** True once the connection was closed, by the caller or by Angus itself (a failed RSET, a garbled reply). */
    synchronized boolean hasClosed() {
        return closed;
    }

    @Override
    public synchronized void close() throws MessagingException {
        closed = true;
        super.close();
    }

    @Override
    public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
        pipeliningThisMessage = pipeliningAllowed && supportsExtension("PIPELINING") && pipelinable(message, addresses);
        recipients = addresses;
        recipientsSent = 0;
        output = AngusServerOutput.coalescing(this);
        try {
            super.sendMessage(message, addresses);
        } finally {
            pipeliningThisMessage = false;
            replyDeferred = false;
            recipients = null;
            content = null;
            if (!owed.isEmpty()) {
                // Only if sending stopped between MAIL FROM and DATA, which Angus does not do today: the
                // replies still on their way would be taken for the next command's, so drop the connection.
                owed.clear();
                try {
                    close();
                } catch (MessagingException alreadyGone) {
                    // Dropped either way.
                }
            }
        }
    }

    /**
     * Whether the deferred checks below handle everything Angus would do with this message's replies. They do not
     * re-implement sending to the recipients that remained when others were refused (sendpartial), reporting
     * successes as exceptions (reportsuccess), group addresses (which Angus expands into more RCPTs), nor BDAT
     * (CHUNKING, whose replies are read inside Angus's chunk stream): any of those sends one command at a time.
     */
    private boolean pipelinable(Message message, Address[] addresses) {
        boolean sendPartial = message instanceof SMTPMessage smtp && smtp.getSendPartial()
                || Boolean.parseBoolean(session.getProperty("mail.smtp.sendpartial"));
        boolean chunking = supportsExtension("CHUNKING")
                && Integer.parseInt(session.getProperties().getProperty("mail.smtp.chunksize", "0").trim()) > 0;
        if (sendPartial || chunking || getReportSuccess() || addresses == null) {
            return false;
        }
        for (Address address : addresses) {
            if (!(address instanceof InternetAddress internet) || internet.isGroup()) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void sendCommand(String command) throws MessagingException {
        boolean pipelined = pipeliningThisMessage && (command.startsWith(MAIL) || command.startsWith(RCPT));
        if (pipelined && output != null) {
            output.holdFlushes(true); // the command it then waits on (DATA) flushes them all
        }
        try {
            super.sendCommand(command);
        } finally {
            if (output != null) {
                output.holdFlushes(false);
            }
        }
        if (pipelined) {
            InternetAddress recipient = command.startsWith(RCPT) ? (InternetAddress) recipients[recipientsSent++] : null;
            owed.add(new OwedReply(command, recipient));
            replyDeferred = true;
        }
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        if (replyDeferred) {
            // RFC 2920 §3.1: the client may send MAIL FROM and RCPT TO without waiting. Angus expects 250 from
            // both; the real reply is read and checked before the reply to DATA.
            replyDeferred = false;
            return 250;
        }
        return owed.isEmpty() ? super.readServerResponse() : readOwedRepliesThenOwn();
    }

    /**
     * Reads the replies owed to the pipelined commands, then the reply to the command just sent (DATA). If the
     * server refused the sender or a recipient, the message was not taken: the transaction is abandoned and the
     * refusal thrown as Angus throws it when it reads the replies one at a time.
     */
    private int readOwedRepliesThenOwn() throws MessagingException {
        List<OwedReply> replies = List.copyOf(owed);
        owed.clear();
        Refusals refusals = new Refusals(recipients);
        for (OwedReply reply : replies) {
            refusals.check(reply, super.readServerResponse(), getLastServerResponse());
        }
        int code = super.readServerResponse();
        if (refusals.none()) {
            return code;
        }
        abandonTransaction(code, refusals.anyRecipientAccepted());
        throw refusals.exception();
    }

    /**
     * Ends the transaction whose sender or recipient was refused, so the connection can take the next message.
     * RFC 2920 §3.1: a server may still answer DATA with 354; the client then sends "." alone, which the server
     * refuses for want of recipients. If it did accept some recipient, that "." would deliver them an empty
     * message, and SMTP has no other way out of DATA (RFC 5321 §4.1.1.4) than to drop the connection. Then RSET
     * (§4.1.1.5), as Angus does after a refusal; if that fails, the connection is closed, as Angus does too.
     */
    private void abandonTransaction(int dataReply, boolean recipientAccepted) {
        try {
            if (dataReply == 354) {
                if (recipientAccepted) {
                    close();
                    return;
                }
                super.sendCommand(".");
                super.readServerResponse();
            }
            super.sendCommand("RSET");
            super.readServerResponse();
        } catch (MessagingException | RuntimeException resetFailed) {
            try {
                close();
            } catch (MessagingException alreadyGone) {
                // Closing a broken connection can fail too; it is dropped either way.
            }
        }
    }

    /** Content goes through one pass of dot-stuffing instead of Angus's SMTPOutputStream. */
    @Override
    protected OutputStream data() throws MessagingException {
        OutputStream angusStream = super.data(); // sends DATA and checks its 354 (and the owed replies)
        if (output == null) {
            return angusStream;
        }
        content = new DotStuffingOutputStream(output, contentScratch);
        return content;
    }

    /**
     * Ends the content's last line, then lets Angus send the end-of-data "." and check its reply: Angus's own
     * stream was given no bytes, so its end-of-line check adds nothing, and the "." flushes the message with it.
     */
    @Override
    protected void finishData() throws IOException, MessagingException {
        if (content != null) {
            content.endLine();
            contentScratch = content.scratch();
            content = null;
        }
        super.finishData();
    }

    /** Whether this transport writes content through {@link DotStuffingOutputStream} (for tests). */
    static boolean writesContentInOnePass() {
        return AngusServerOutput.available();
    }

    /** A pipelined command whose reply is still to be read; recipient is null for MAIL FROM. */
    private record OwedReply(String command, InternetAddress recipient) {
    }

    /**
     * The refusals among a message's owed replies, turned into the exceptions Angus's {@code mailFrom()} and
     * {@code rcptTo()} throw for the same replies, so that {@code SmtpConnection} tells a permanent refusal, a
     * temporary one and a closing server (421) apart exactly as without pipelining.
     */
    private static final class Refusals {
        private final Address[] recipients;
        private MessagingException senderRefused;
        private SMTPAddressFailedException unexpectedRecipientReply;
        private MessagingException recipientsRefused;
        private final List<Address> accepted = new ArrayList<>();
        private final List<Address> validUnsent = new ArrayList<>();
        private final List<Address> invalid = new ArrayList<>();

        Refusals(Address[] recipients) {
            this.recipients = recipients;
        }

        void check(OwedReply owed, int code, String reply) {
            if (owed.recipient() == null) {
                checkSender(owed.command(), code, reply);
            } else {
                checkRecipient(owed, code, reply);
            }
        }

        /** As Angus's mailFrom(): anything but 250 fails, and a code saying the address is bad names it. */
        private void checkSender(String command, int code, String reply) {
            if (code == 250 || senderRefused != null) {
                return;
            }
            SMTPSendFailedException refused = new SMTPSendFailedException(command, code, reply, null, null,
                    recipients, null);
            if (code == 550 || code == 553 || code == 503 || code == 551 || code == 501) {
                try {
                    String from = command.substring(command.indexOf('<') + 1, command.lastIndexOf('>'));
                    refused.setNextException(new SMTPSenderFailedException(new InternetAddress(from), command, code,
                            reply));
                } catch (AddressException | IndexOutOfBoundsException unparsable) {
                    // As Angus: the sender's address is only named when it parses.
                }
            }
            senderRefused = refused;
        }

        /**
         * As Angus's rcptTo(): 2xx accepts; 5xx marks the address invalid; 4xx leaves it valid but unsent; any
         * other code (or none: -1 when the server hung up) is unexpected and thrown on its own.
         */
        private void checkRecipient(OwedReply owed, int code, String reply) {
            int kind = code / 100;
            if (kind == 2) {
                accepted.add(owed.recipient());
                return;
            }
            SMTPAddressFailedException failed = new SMTPAddressFailedException(owed.recipient(), owed.command(),
                    code, reply);
            if (kind != 4 && kind != 5) {
                if (unexpectedRecipientReply == null) {
                    unexpectedRecipientReply = failed;
                }
                return;
            }
            (kind == 5 && code != 552 ? invalid : validUnsent).add(owed.recipient()); // Angus: 552 = over quota
            if (recipientsRefused == null) {
                recipientsRefused = failed;
            } else {
                recipientsRefused.setNextException(failed);
            }
        }

        boolean none() {
            return senderRefused == null && unexpectedRecipientReply == null && recipientsRefused == null;
        }

        boolean anyRecipientAccepted() {
            return senderRefused == null && !accepted.isEmpty();
        }

        /** The sender's refusal first (the recipients' replies then only echo it), as Angus stops at MAIL FROM. */
        MessagingException exception() {
            if (senderRefused != null) {
                return senderRefused;
            }
            if (unexpectedRecipientReply != null) {
                return unexpectedRecipientReply;
            }
            List<Address> unsent = new ArrayList<>(accepted);
            unsent.addAll(validUnsent);
            return new SendFailedException("Invalid Addresses", recipientsRefused, null,
                    unsent.toArray(Address[]::new), invalid.toArray(Address[]::new));
        }
    }
}
