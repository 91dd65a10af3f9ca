package org.broadside.statement;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** When a statement is released, as written in its front matter. */
public sealed interface ReleaseTime {

    /** An exact instant, written with an offset or Z: the same moment for everyone. */
    record At(Instant instant) implements ReleaseTime {
    }

    /** A wall-clock time, read in the statement's release zone (or in each recipient's zone). */
    record Local(LocalDateTime dateTime) implements ReleaseTime {
    }

    /**
     * A named day such as {@code international-migrants-day 09:00}: the next such date (from
     * {@code config/observances.yaml}) at that wall-clock time, read like {@link Local}.
     */
    record Observance(String name, LocalTime time) implements ReleaseTime {
    }
}
