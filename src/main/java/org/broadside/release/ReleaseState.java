package org.broadside.release;

/** Where a release is in its life. */
public enum ReleaseState {
    /** Its deliveries are in the ledger and its triggers armed; nothing has been sent yet. */
    SCHEDULED,
    /** At least one trigger fired in time: due deliveries are being sent; a restarted service resumes it. */
    DISPATCHING,
    /** Held by an operator: triggers that fire meanwhile send nothing until it is resumed. */
    PAUSED,
    /** Withdrawn by an operator: its triggers are gone and nothing more is sent unless it is scheduled again. */
    CANCELLED,
    /** A trigger fired later than the grace period (the service was down): nothing sent until re-scheduled. */
    MISSED,
    /** Every delivery has an outcome. */
    DONE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
