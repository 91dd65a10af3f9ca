package org.broadside.dispatch;

import java.time.Instant;

/**
 * An email was not offered to the server because a sending quota is used up: the delivery waits until the
 * quota frees up. Nothing was attempted, so this is neither an attempt nor an error.
 */
public final class DeliveryDeferredException extends DeliveryFailedException {
    private final transient Instant until;

    public DeliveryDeferredException(String reason, Instant until) {
        super(reason, false, null);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
