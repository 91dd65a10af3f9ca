package org.broadside.statement;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadside.validation.Quoted;
import org.broadside.validation.Suggestions;

/**
 * Reads {@code release} in one of its three forms: a local date-time, an instant (with an offset or Z),
 * or an observance with a time of day, such as {@code international-migrants-day 09:00}.
 */
final class ReleaseTimeReader implements FieldReader<ReleaseTime> {
    /** Where the T of an ISO date-time stands; people often write a space there. */
    private static final int TIME_SEPARATOR = "yyyy-MM-dd".length();
    /**
     * A name, then a time of day. The name may be any word that starts with a letter, so that a mistyped
     * or wrongly capitalised name is reported as an unknown observance, while a date such as
     * {@code 18/12/2026 9:00} is not taken for a name.
     */
    private static final Pattern OBSERVANCE =
            Pattern.compile("(?<name>\\p{L}\\S*)\\p{Blank}+(?<time>[0-9]{2}:[0-9]{2}(:[0-9]{2})?)");
    private static final String FORMS = "is not a local date-time such as 2026-12-18T09:00,"
            + " an instant such as 2026-12-18T08:00Z or 2026-12-18T09:00+01:00,"
            + " or an observance and a time such as international-migrants-day 09:00";

    private final Set<String> observanceNames;

    /** @param observanceNames the observances a release may name, from {@code config/observances.yaml} */
    ReleaseTimeReader(Set<String> observanceNames) {
        this.observanceNames = Set.copyOf(observanceNames);
    }

    @Override
    public ReleaseTime read(Field field, Problems problems) {
        String written = field.text(problems);
        if (written == null) {
            return null;
        }
        Matcher observance = OBSERVANCE.matcher(written);
        boolean namesObservance = observance.matches();
        if (namesObservance && !observanceNames.contains(observance.group("name"))) {
            field.report(unknownObservance(observance.group("name")), problems);
            return null;
        }
        ReleaseTime release = namesObservance
                ? atObservance(observance.group("name"), observance.group("time"))
                : atDateTime(written);
        if (release == null) {
            field.reportValue(written, FORMS, problems);
        }
        return release;
    }

    private String unknownObservance(String name) {
        String complaint = "names no observance " + Quoted.of(name);
        return observanceNames.isEmpty()
                ? complaint + "; no observances are configured"
                : complaint + Suggestions.didYouMean(name, observanceNames);
    }

    /** Null when the time is not a time of day, such as 24:00. */
    private static ReleaseTime atObservance(String name, String time) {
        try {
            return new ReleaseTime.Observance(name, LocalTime.parse(time));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** With an offset or Z it is one instant for everyone; without, a wall-clock time read in a zone. */
    private static ReleaseTime atDateTime(String written) {
        String iso = written.length() > TIME_SEPARATOR && written.charAt(TIME_SEPARATOR) == ' '
                ? written.substring(0, TIME_SEPARATOR) + 'T' + written.substring(TIME_SEPARATOR + 1)
                : written;
        try {
            return new ReleaseTime.Local(LocalDateTime.parse(iso));
        } catch (DateTimeParseException notLocal) {
            try {
                return new ReleaseTime.At(OffsetDateTime.parse(iso).toInstant());
            } catch (DateTimeParseException notOffset) {
                return null;
            }
        }
    }
}
