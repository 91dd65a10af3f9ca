package org.broadside.schedule;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.broadside.audience.Contact;
import org.broadside.statement.Kind;
import org.broadside.statement.ReleaseTime;
import org.broadside.statement.ReleaseZone;
import org.broadside.statement.Statement;

/** Statements and contacts for scheduling tests: only what timing reads is worth varying. */
final class Releases {
    static final Observances OBSERVANCES = new Observances(Map.of("international-migrants-day", MonthDay.of(12, 18)));

    private Releases() {
    }

    static Statement statement(ReleaseTime release, Optional<ReleaseZone> zone, Optional<Duration> pressEmbargo) {
        return new Statement("migrants-day-2026", "International Migrants Day", null, Kind.PRESS_RELEASE, "en",
                LocalDate.of(2026, 12, 18), release, zone, pressEmbargo, List.of(), null, List.of(),
                URI.create("https://broadside.example.org/s/migrants-day-2026"), null, null, "Body.", "Body.",
                "0".repeat(64));
    }

    static Statement inEachRecipientsZone(ReleaseTime release) {
        return statement(release, Optional.of(new ReleaseZone.Recipient()), Optional.empty());
    }

    static Contact member(String country, String timezone) {
        return contact("member", country, timezone, "members");
    }

    static Contact journalist(String country, String timezone) {
        return contact("journalist", country, timezone, "press");
    }

    private static Contact contact(String role, String country, String timezone, String list) {
        String place = timezone == null ? country : timezone;
        String email = role + "." + place.replace('/', '.').toLowerCase(Locale.ROOT) + "@x.example";
        return new Contact(email, email, country, null, null, "en", timezone, Set.of(list));
    }

    static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
