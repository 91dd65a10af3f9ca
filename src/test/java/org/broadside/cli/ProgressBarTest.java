package org.broadside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.broadside.dispatch.DeliveryState;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private static Map<DeliveryState, Integer> counts(int pending, int sending, int sent, int failed) {
        Map<DeliveryState, Integer> counts = new EnumMap<>(DeliveryState.class);
        for (DeliveryState state : DeliveryState.values()) {
            counts.put(state, 0);
        }
        counts.put(DeliveryState.PENDING, pending);
        counts.put(DeliveryState.SENDING, sending);
        counts.put(DeliveryState.SENT, sent);
        counts.put(DeliveryState.FAILED, failed);
        return counts;
    }

    @Test
    void aReleaseStillBeingPlannedIsNotShownAsComplete() {
        assertThat(ProgressBar.line(counts(0, 0, 0, 0), false))
                .isEqualTo("[" + ".".repeat(30) + "] planning each recipient's delivery...");
        assertThat(ProgressBar.line(counts(0, 0, 0, 0), true)).contains("100% 0/0");
    }

    @Test
    void countsOutcomesAgainstTheWholeRelease() {
        assertThat(ProgressBar.line(counts(50, 10, 30, 10), false))
                .isEqualTo("[############..................] 40% 40/100  sent 30  failed 10  suppressed 0");
    }
}
