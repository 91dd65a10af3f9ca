package org.broadside.dispatch;

/** A delivery's state in the ledger. PENDING and SENDING have no outcome yet; the others are final. */
public enum DeliveryState {
    PENDING,
    /** Claimed by a sender: recorded before the message is handed to the transport. */
    SENDING,
    SENT,
    FAILED,
    SUPPRESSED;

    public boolean isOutcome() {
        return this != PENDING && this != SENDING;
    }
}
