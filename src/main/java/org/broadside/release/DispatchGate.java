package org.broadside.release;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.broadside.dispatch.Delivery;
import org.broadside.dispatch.Ledger;

/**
 * Lets a claimed delivery through only while its release is still dispatching, so that a pause or a cancel
 * (by an operator in another process, or automatically after too many failures) stops sending within a
 * second, rather than after every delivery already claimed. A delivery held back is given back to the
 * ledger untried. The release's state is read at most once a second per release, not once per message.
 */
public final class DispatchGate {
    private static final long FRESH_NANOS = 1_000_000_000L;

    private final ReleaseStore releases;
    private final Ledger ledger;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public DispatchGate(ReleaseStore releases, Ledger ledger) {
        this.releases = releases;
        this.ledger = ledger;
    }

    /** A route filter: true if the delivery may be sent now; otherwise it is back in the queue. */
    public boolean open(Delivery delivery) {
        return openFor(delivery.releaseId(), delivery.id());
    }

    /** The same for any claimed row of the ledger, such as a social post. */
    public boolean openFor(String releaseId, long deliveryId) {
        Seen state = seen.compute(releaseId, (id, last) ->
                last != null && System.nanoTime() - last.at() < FRESH_NANOS ? last
                        : new Seen(releases.find(id).map(Release::state).orElse(ReleaseState.CANCELLED),
                        System.nanoTime()));
        if (state.state() == ReleaseState.DISPATCHING && !stopping) {
            return true;
        }
        ledger.unclaim(deliveryId);
        return false;
    }

    /**
     * Closes the gate for a release at once, without waiting for the next read: this process has just paused it
     * (in a transaction not yet committed, so the database would still say dispatching).
     */
    public void hold(String releaseId) {
        seen.put(releaseId, new Seen(ReleaseState.PAUSED, System.nanoTime()));
    }

    /** The process is stopping: nothing more is sent, every delivery claimed from now on goes back untried. */
    public void stop() {
        stopping = true;
    }

    private record Seen(ReleaseState state, long at) {
    }
}
