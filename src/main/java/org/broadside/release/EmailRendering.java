package org.broadside.release;

import java.time.Clock;
import org.broadside.dispatch.BounceAddresses;
import org.broadside.dispatch.Delivery;
import org.broadside.dispatch.OutgoingEmail;
import org.broadside.dispatch.UnsubscribeLinks;
import org.broadside.render.EmailComposer;
import org.broadside.render.EmailRequest;
import org.broadside.statement.Statement;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/** Turns a claimed delivery into the email its recipient gets, from the content its release pinned. */
public final class EmailRendering {
    private final PinnedContent pinned;
    private final EmailComposer composer;
    private final UnsubscribeLinks unsubscribe;
    private final BounceAddresses bounces;
    private final Clock clock;

    public EmailRendering(PinnedContent pinned, EmailComposer composer, UnsubscribeLinks unsubscribe,
                          BounceAddresses bounces, Clock clock) {
        this.pinned = pinned;
        this.composer = composer;
        this.unsubscribe = unsubscribe;
        this.bounces = bounces;
        this.clock = clock;
    }

    public OutgoingEmail render(Delivery delivery) {
        Statement version = pinned.version(delivery.releaseId(), delivery.statementId());
        UnsubscribeLinks.Targets unsubscribeTargets = unsubscribe.of(delivery.recipient().email());
        EmailRequest request = new EmailRequest(version, delivery.recipient(), delivery.format(),
                delivery.embargoInRecipientZone(), delivery.messageId(), unsubscribeTargets.url(),
                unsubscribeTargets.mailto(), clock.instant());
        SMTPMessage message = composer.compose(request);
        // The SMTP transport sends the message's own envelope sender as MAIL FROM: bounces come back to it.
        bounces.envelopeSender(delivery.id()).ifPresent(message::setEnvelopeFrom);
        return new OutgoingEmail(delivery.id(), version.originalId(), delivery.recipient().address(), message);
    }
}
