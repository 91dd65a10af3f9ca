package org.broadside.release;

/** Where a release is in its life. */
public enum ReleaseState {
    /** Its deliveries are in the ledger and being sent; a restarted service resumes it. */
    DISPATCHING,
    /** Every delivery has an outcome. */
    DONE
}
