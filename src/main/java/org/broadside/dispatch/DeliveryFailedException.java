package org.broadside.dispatch;

/** A transport did not accept an email; the message is the server's reply or the local reason. */
public class DeliveryFailedException extends RuntimeException {
    private final boolean permanent;

    public DeliveryFailedException(String reply, boolean permanent, Throwable cause) {
        super(reply, cause);
        this.permanent = permanent;
    }

    /** True for a 5xx reply: sending again will not help. */
    public boolean isPermanent() {
        return permanent;
    }
}
