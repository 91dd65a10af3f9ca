package org.broadside.bounce;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.broadside.audience.ContactStore;
import org.broadside.dispatch.BounceAddresses;
import org.broadside.dispatch.Ledger;
import org.broadside.validation.Quoted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on one mail from the bounce mailbox (the {@code bounces} route hands each one here). A delivery status
 * notification sent to a genuine VERP address is matched to its delivery: a hard bounce fails the delivery and
 * suppresses the address for good; a soft bounce is counted against the delivery. Any other mail, or one whose
 * token is forged or altered, is logged once and changes nothing.
 *
 * <p>Everything it records can be recorded again without harm (the suppression keeps its first reason, the
 * delivery its FAILED state), so a bounce read twice after a crash does no damage; only a soft bounce would be
 * counted twice.
 */
public final class BounceProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(BounceProcessor.class);
    /**
     * Where the address a bounce came in for is found. The delivering server writes the first ones from the
     * envelope; the reporting server writes To from our envelope sender. A forger can write any of them, which is
     * why only a signed token counts.
     */
    private static final List<String> RECIPIENT_HEADERS =
            List.of("Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "To");

    private final BounceAddresses addresses;
    private final Ledger ledger;
    private final ContactStore contacts;

    public BounceProcessor(BounceAddresses addresses, Ledger ledger, ContactStore contacts) {
        this.addresses = addresses;
        this.ledger = ledger;
        this.contacts = contacts;
    }

    /**
     * @param stored the mail as the mailbox holds it
     * @throws MessagingException when the mailbox fails while the mail is read: the route leaves it to be read again
     */
    public void process(MimeMessage stored) throws MessagingException {
        // One read of the whole mail from the server: a failure there is the mailbox's and is retried; whatever
        // fails after it is the mail's own and is not.
        MimeMessage mail = new MimeMessage(stored);
        Optional<Long> deliveryId = deliveryOf(mail);
        if (deliveryId.isEmpty()) {
            LOG.warn("bounce mailbox: ignored {}: not sent to a bounce address with a genuine token", describe(mail));
            return;
        }
        long id = deliveryId.get();
        Optional<DeliveryStatusNotification> report = readQuietly(mail);
        if (report.isEmpty()) {
            LOG.info("bounce mailbox: ignored {} for delivery {}: not a delivery status notification (RFC 3464)",
                    describe(mail), id);
            return;
        }
        Optional<Bounce> bounce = report.get().bounce();
        if (bounce.isEmpty()) {
            LOG.info("bounce mailbox: delivery {}: a delivery status notification without a failure", id);
            return;
        }
        Optional<String> recipient = ledger.recipientOf(id);
        if (recipient.isEmpty()) {
            LOG.warn("bounce mailbox: ignored a bounce for delivery {}, which this database does not have", id);
            return;
        }
        record(id, recipient.get(), bounce.get());
    }

    private void record(long deliveryId, String recipient, Bounce bounce) {
        if (bounce.kind() == Bounce.Kind.HARD) {
            ledger.markBounced(deliveryId, bounce.reply());
            contacts.suppress(recipient, bounce.suppressionReason(), bounce.diagnostic());
            LOG.info("delivery {}: hard bounce {}; the address is suppressed", deliveryId, bounce.status());
        } else {
            ledger.countSoftBounce(deliveryId, bounce.reply());
            LOG.info("delivery {}: soft bounce {}, counted", deliveryId, bounce.status());
        }
    }

    /** The first recipient address with a genuine token, looked for in the order of {@link #RECIPIENT_HEADERS}. */
    private Optional<Long> deliveryOf(MimeMessage mail) throws MessagingException {
        for (String header : RECIPIENT_HEADERS) {
            String[] values = mail.getHeader(header);
            for (String value : values == null ? new String[0] : values) {
                for (Address address : addressesIn(value)) {
                    Optional<Long> delivery = addresses.deliveryOf(((InternetAddress) address).getAddress());
                    if (delivery.isPresent()) {
                        return delivery;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Address[] addressesIn(String headerValue) {
        try {
            return InternetAddress.parseHeader(headerValue, false);
        } catch (AddressException unreadable) {
            return new Address[0];
        }
    }

    /** A mail whose structure is broken is no readable DSN: it is ignored like any other mail, not retried forever. */
    private static Optional<DeliveryStatusNotification> readQuietly(MimeMessage mail) {
        try {
            return DeliveryStatusNotification.read(mail);
        } catch (MessagingException | IOException broken) {
            LOG.debug("unreadable delivery status notification", broken);
            return Optional.empty();
        }
    }

    /** The mail as the log shows it: Message-ID and subject, quoted, since both come from strangers. */
    private static String describe(MimeMessage mail) throws MessagingException {
        String[] ids = mail.getHeader("Message-ID");
        String subject = mail.getSubject();
        return "mail " + Quoted.of(ids == null ? "(no Message-ID)" : ids[0])
                + " " + Quoted.of(subject == null ? "(no subject)" : subject);
    }
}
