package org.broadside.dispatch;

/** Hands a rendered email on: to the outbox folder or to an SMTP server. Implementations are thread-safe. */
public interface Transport {

    /**
     * Sends one email.
     *
     * @return the transport's acknowledgement, recorded in the ledger (e.g. the SMTP server's reply)
     * @throws DeliveryFailedException when the email was not accepted
     */
    String send(OutgoingEmail email);
}
