package org.broadside.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.schedule.Releases.member;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RecipientZonesTest {
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Hong_Kong");
    private final RecipientZones zones = new RecipientZones(DEFAULT_ZONE);

    @Test
    void theContactsOwnZoneComesFirst() {
        assertThat(zones.zoneOf(member("PH", "America/Chicago"))).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(zones.zoneOf(member("US", "America/Chicago"))).isEqualTo(ZoneId.of("America/Chicago"));
    }

    @Test
    void thenTheOnlyZoneOfTheirCountry() {
        assertThat(zones.zoneOf(member("PH", null))).isEqualTo(ZoneId.of("Asia/Manila"));
        assertThat(zones.zoneOf(member("DE", null))).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void thenTheConfiguredDefault() {
        assertThat(zones.zoneOf(member("US", null))).isEqualTo(DEFAULT_ZONE);
        assertThat(zones.zoneOf(member("BV", null))).isEqualTo(DEFAULT_ZONE);
    }

    @Test
    void onlyAContactWithoutZoneInACountryOfSeveralNeedsOne() {
        assertThat(zones.needsTimezone(member("US", null))).isTrue();
        assertThat(zones.needsTimezone(member("ES", null))).isTrue();
        assertThat(zones.needsTimezone(member("US", "America/Denver"))).isFalse();
        assertThat(zones.needsTimezone(member("PH", null))).isFalse();
        assertThat(zones.needsTimezone(member("DE", null))).isFalse();
        assertThat(zones.needsTimezone(member("BV", null))).isFalse();
    }
}
