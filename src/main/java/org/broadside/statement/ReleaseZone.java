package org.broadside.statement;

import java.time.ZoneId;

/** The zone a local release time is read in: one fixed zone, or each recipient's own. */
public sealed interface ReleaseZone {

    /** Written {@code release_zone: recipient}. */
    record Recipient() implements ReleaseZone {
    }

    /** Written as an IANA zone name. */
    record Fixed(ZoneId zone) implements ReleaseZone {
    }
}
