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
 * than through its per-byte {@code SMTPOutputStream}; reading this one field lets {@link DotStuffingOutputStream}
 * write the same bytes in one pass. Should an Angus release rename the field, {@link #of} answers null and the
 * transport falls back to Angus's own stream, slower but the same on the wire ({@code PipeliningSmtpTransportTest}
 * checks that the fast path is the one in use with the pinned version).
 */
final class AngusServerOutput {
    private static final Logger LOG = LoggerFactory.getLogger(AngusServerOutput.class);
    private static final VarHandle FIELD = find();

    private AngusServerOutput() {
    }

    /** The transport's current stream to the server, or null if it cannot be reached. */
    static OutputStream of(SMTPTransport transport) {
        return FIELD == null ? null : (OutputStream) FIELD.get(transport);
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
