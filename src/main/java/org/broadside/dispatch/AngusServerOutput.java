package org.broadside.dispatch;

import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buffered stream to the server that an Angus {@link SMTPTransport} writes its commands to (its private
 * {@code serverOutput}, renewed after STARTTLS). Angus offers a subclass no way to write message content other
 * than through its per-byte {@code SMTPOutputStream}, nor to send a command without flushing it; putting a
 * {@link CoalescingOutputStream} in this one field lets {@link DotStuffingOutputStream} write the same bytes in one
 * pass and lets pipelined commands and a whole message leave in one socket write each. Should an Angus release
 * rename the field, {@link #coalescing} answers null and the transport falls back to Angus's own streams, slower but
 * the same on the wire ({@code PipeliningSmtpTransportTest} checks that the fast path is the one in use with the
 * pinned version).
 */
final class AngusServerOutput {
    private static final Logger LOG = LoggerFactory.getLogger(AngusServerOutput.class);
    private static final VarHandle FIELD = find();

    private AngusServerOutput() {
    }

    /**
     * The transport's stream to the server, behind a {@link CoalescingOutputStream} put there on the first call for
     * this stream (Angus opens a new one on connecting and after STARTTLS); null if the field cannot be reached or
     * the transport is not connected.
     */
    static CoalescingOutputStream coalescing(SMTPTransport transport) {
        if (FIELD == null) {
            return null;
        }
        OutputStream current = (OutputStream) FIELD.get(transport);
        if (current == null || current instanceof CoalescingOutputStream) {
            return (CoalescingOutputStream) current;
        }
        CoalescingOutputStream coalescing = new CoalescingOutputStream(current);
        FIELD.set(transport, coalescing);
        return coalescing;
    }

    static boolean available() {
        return FIELD != null;
    }

    private static VarHandle find() {
        try {
            return MethodHandles.privateLookupIn(SMTPTransport.class, MethodHandles.lookup())
                    .findVarHandle(SMTPTransport.class, "serverOutput", OutputStream.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Angus SMTPTransport.serverOutput is out of reach ({}): message content goes through Angus's"
                    + " per-byte SMTPOutputStream", e.toString());
            return null;
        }
    }
}
