package org.broadside.dispatch;

import java.time.Instant;

/** A server accepted a delivery's message: what the ledger records for it. */
record SentOutcome(long deliveryId, String reply, Instant sentAt) {
}
