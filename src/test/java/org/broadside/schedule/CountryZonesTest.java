package org.broadside.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.schedule.Releases.clockAt;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CountryZonesTest {
    private final CountryZones countries = new CountryZones(clockAt("2026-01-01T00:00:00Z"));

    @Test
    void aCountryWithOneZoneHasThatZone() {
        assertThat(countries.zones("PH")).containsExactly(ZoneId.of("Asia/Manila"));
        assertThat(countries.onlyZone("PH")).contains(ZoneId.of("Asia/Manila"));
    }

    @Test
    void aCountryWithSeveralTimesHasNoOnlyZoneAndListsOnePerTimeEastToWest() {
        assertThat(countries.onlyZone("US")).isEmpty();
        assertThat(countries.zones("US")).contains(ZoneId.of("America/New_York"), ZoneId.of("Pacific/Honolulu"));
        assertThat(countries.distinctZones("US"))
                .startsWith(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"))
                .contains(ZoneId.of("America/Phoenix"), ZoneId.of("America/Los_Angeles"))
                .doesNotContain(ZoneId.of("America/Detroit"));
    }

    @Test
    void zonesThatKeepTheSameTimeCountAsOneUnderTheZoneTheTimeIsNamedAfter() {
        assertThat(countries.zones("DE")).containsExactly(ZoneId.of("Europe/Berlin"), ZoneId.of("Europe/Busingen"));
        assertThat(countries.onlyZone("DE")).contains(ZoneId.of("Europe/Berlin"));
        assertThat(countries.onlyZone("MY")).contains(ZoneId.of("Asia/Kuala_Lumpur"));
        assertThat(countries.onlyZone("AR")).contains(ZoneId.of("America/Argentina/Buenos_Aires"));
        assertThat(countries.distinctZones("PT"))
                .containsExactly(ZoneId.of("Europe/Lisbon"), ZoneId.of("Atlantic/Azores"));
    }

    @Test
    void spainHasTheCanaryIslandsAnHourBehind() {
        assertThat(countries.zones("ES"))
                .containsExactly(ZoneId.of("Africa/Ceuta"), ZoneId.of("Atlantic/Canary"), ZoneId.of("Europe/Madrid"));
        assertThat(countries.onlyZone("ES")).isEmpty();
        assertThat(countries.distinctZones("ES"))
                .containsExactly(ZoneId.of("Europe/Madrid"), ZoneId.of("Atlantic/Canary"));
    }

    @Test
    void zonesAreNamedAsIanaNamesThemNowRatherThanByCldrsOlderNames() {
        assertThat(countries.onlyZone("IN")).contains(ZoneId.of("Asia/Kolkata"));
        assertThat(countries.onlyZone("NP")).contains(ZoneId.of("Asia/Kathmandu"));
    }

    @Test
    void aTerritoryWithoutZonesHasNone() {
        assertThat(countries.zones("BV")).isEmpty();
        assertThat(countries.onlyZone("BV")).isEmpty();
    }

    @Test
    void eachCountryIsWorkedOutOnce() {
        assertThat(countries.distinctZones("RU")).isSameAs(countries.distinctZones("RU"));
    }
}
