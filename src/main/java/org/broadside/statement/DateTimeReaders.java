package org.broadside.statement;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Readers for the dateline, the release time and zone, and the press embargo, all in ISO 8601. */
final class DateTimeReaders {
    private static final String RECIPIENT_ZONE = "recipient";
    /** Where the T of an ISO date-time stands; people often write a space there. */
    private static final int TIME_SEPARATOR = "yyyy-MM-dd".length();

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

    /** With an offset or Z it is one instant for everyone; without, a wall-clock time read in a zone. */
    static ReleaseTime release(Field field, Problems problems) {
        String written = field.text(problems);
        if (written == null) {
            return null;
        }
        String iso = written.length() > TIME_SEPARATOR && written.charAt(TIME_SEPARATOR) == ' '
                ? written.substring(0, TIME_SEPARATOR) + 'T' + written.substring(TIME_SEPARATOR + 1)
                : written;
        try {
            return new ReleaseTime.Local(LocalDateTime.parse(iso));
        } catch (DateTimeParseException notLocal) {
            try {
                return new ReleaseTime.At(OffsetDateTime.parse(iso).toInstant());
            } catch (DateTimeParseException notOffset) {
                field.reportValue(written, "is not a date-time such as 2026-12-18T09:00,"
                        + " 2026-12-18T09:00+01:00 or 2026-12-18T08:00Z", problems);
                return null;
            }
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
