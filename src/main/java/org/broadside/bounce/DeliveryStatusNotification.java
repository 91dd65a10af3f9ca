package org.broadside.bounce;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.angus.mail.dsn.DeliveryStatus;

/**
 * A delivery status notification (RFC 3464): a {@code multipart/report; report-type=delivery-status} whose
 * {@code message/delivery-status} part holds one block of fields per recipient. Anything else in a bounce
 * mailbox (an out-of-office reply, a read receipt, a bounce in some older free-text form) is not one.
 */
public final class DeliveryStatusNotification {
    private final List<RecipientStatus> recipients;

    private DeliveryStatusNotification(List<RecipientStatus> recipients) {
        this.recipients = List.copyOf(recipients);
    }

    /**
     * Reads a mail as a DSN; empty when it is not one.
     *
     * @throws MessagingException when the mail claims to be a DSN but its structure cannot be read
     */
    public static Optional<DeliveryStatusNotification> read(Part mail) throws MessagingException, IOException {
        if (!mail.isMimeType("multipart/report")
                || !"delivery-status".equalsIgnoreCase(new ContentType(mail.getContentType()).getParameter("report-type"))) {
            return Optional.empty();
        }
        // Parsed as a plain multipart and searched for the status part: Angus DSN's MultipartReport looks only at
        // the second part, and bounces come from every kind of server.
        MimeMultipart parts = new MimeMultipart(mail.getDataHandler().getDataSource());
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
                return Optional.of(new DeliveryStatusNotification(recipients(part)));
            }
        }
        return Optional.empty();
    }

    /**
     * What the notification means for the delivery: each message goes to one recipient, so every block is about
     * that recipient (after forwarding, perhaps at another address), and the worst of them counts: hard over soft.
     */
    public Optional<Bounce> bounce() {
        return recipients.stream().map(RecipientStatus::bounce).flatMap(Optional::stream)
                .min(Comparator.comparing(Bounce::kind));
    }

    /**
     * The per-recipient blocks that have an Action, the one field every recipient block has: an empty block (a stray
     * blank line) or the per-message block read out of place (after a leading blank line) is skipped.
     */
    private static List<RecipientStatus> recipients(BodyPart part) throws MessagingException, IOException {
        DeliveryStatus status = new DeliveryStatus(fieldsOf(part));
        List<RecipientStatus> recipients = new ArrayList<>();
        for (int i = 0; i < status.getRecipientDSNCount(); i++) {
            InternetHeaders fields = status.getRecipientDSN(i);
            String action = field(fields, "Action");
            if (action != null) {
                recipients.add(RecipientStatus.of(action, field(fields, "Status"), field(fields, "Diagnostic-Code")));
            }
        }
        return recipients;
    }

    /**
     * The decoded fields, whole and in memory: DeliveryStatus reads blocks for as long as its stream reports bytes
     * available, which only a stream in memory reports reliably.
     */
    private static InputStream fieldsOf(BodyPart part) throws MessagingException, IOException {
        try (InputStream in = decoded(part)) {
            return new ByteArrayInputStream(in.readAllBytes());
        }
    }

    /**
     * Jakarta Mail hands out a message/* part still encoded, as RFC 2046 forbids encoding one; but RFC 6533 lets
     * message/global-delivery-status be encoded, and some servers encode the plain kind too.
     */
    private static InputStream decoded(BodyPart part) throws MessagingException, IOException {
        if (part instanceof MimeBodyPart mime && mime.getEncoding() != null) {
            return MimeUtility.decode(mime.getRawInputStream(), mime.getEncoding());
        }
        return part.getInputStream();
    }

    private static String field(InternetHeaders fields, String name) {
        String value = fields.getHeader(name, null);
        return value == null ? null : MimeUtility.unfold(value);
    }
}
