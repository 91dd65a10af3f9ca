package org.broadside.schedule;

import java.time.ZoneId;
import org.broadside.audience.Contact;

/** The zone a recipient's local release time is read in. */
public final class RecipientZones {
    private final ZoneId defaultZone;
    private final CountryZones countries;

    /** @param defaultZone the configured {@code broadside.release.default-zone} */
    public RecipientZones(ZoneId defaultZone) {
        this(defaultZone, CountryZones.shared());
    }

    public RecipientZones(ZoneId defaultZone, CountryZones countries) {
        this.defaultZone = defaultZone;
        this.countries = countries;
    }

    /** The contact's own zone, else the only zone of its country, else the configured default. */
    public ZoneId zoneOf(Contact contact) {
        if (contact.timezone() != null) {
            return ZoneId.of(contact.timezone());
        }
        return countries.onlyZone(contact.country()).orElse(defaultZone);
    }

    /** Whether the contact falls back to the default only because its country has several zones to choose from. */
    public boolean needsTimezone(Contact contact) {
        return contact.timezone() == null && countries.distinctZones(contact.country()).size() > 1;
    }
}
