package org.broadside.statement;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Readers for the dateline, the release zone and the press embargo. */
final class DateTimeReaders {
    private static final String RECIPIENT_ZONE = "recipient";

    private DateTimeReaders() {
    }

    static LocalDate date(Field field, Problems problems) {
        String written = field.text(problems);
        if (written == null) {
            return null;
        }
        try {
            return LocalDate.parse(written);
        } catch (DateTimeParseException e) {
            field.reportValue(written, "is not a date written yyyy-MM-dd", problems);
            return null;
        }
    }

    /** Only region ids such as Asia/Manila: a bare offset would ignore the zone's daylight saving time. */
    static ReleaseZone releaseZone(Field field, Problems problems) {
        String written = field.singleLine(problems);
        if (written == null) {
            return null;
        }
        if (written.equals(RECIPIENT_ZONE)) {
            return new ReleaseZone.Recipient();
        }
        if (ZoneId.getAvailableZoneIds().contains(written)) {
            return new ReleaseZone.Fixed(ZoneId.of(written));
        }
        field.reportValue(written, "is not a known time zone", problems);
        return null;
    }

    static Duration positiveDuration(Field field, Problems problems) {
        String written = field.text(problems);
        if (written == null) {
            return null;
        }
        Duration duration;
        try {
            duration = Duration.parse(written);
        } catch (DateTimeParseException e) {
            field.reportValue(written, "is not an ISO 8601 duration such as PT24H", problems);
            return null;
        }
        if (duration.isNegative() || duration.isZero()) {
            field.reportValue(written, "must be a positive duration", problems);
            return null;
        }
        return duration;
    }
}
