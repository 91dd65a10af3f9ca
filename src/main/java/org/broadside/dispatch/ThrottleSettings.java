package org.broadside.dispatch;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.broadside.config.ConfigurationException;
import org.broadside.config.Settings;

/**
 * The throttle's settings: {@code broadside.throttle.rate} and {@code domain-rate} (messages per second, 0 = no
 * limit), {@code domain-in-flight} (messages being sent at once to one recipient domain, 0 = no limit) and
 * {@code quotas}, a comma-separated list such as {@code 500/hour, 2000/day} or {@code 100/PT10M}.
 */
public record ThrottleSettings(double rate, double domainRate, int domainInFlight, List<Quota> quotas) {
    private static final String QUOTAS = "broadside.throttle.quotas";
    private static final Map<String, Duration> NAMED_WINDOWS = Map.of("minute", Duration.ofMinutes(1),
            "hour", Duration.ofHours(1), "day", Duration.ofDays(1));

    /** At most {@code limit} messages in any {@code window}. */
    public record Quota(int limit, Duration window) {
    }

    public static ThrottleSettings unlimited() {
        return new ThrottleSettings(0, 0, 0, List.of());
    }

    public static ThrottleSettings from(Settings settings) {
        int inFlight = settings.integer("broadside.throttle.domain-in-flight");
        if (inFlight < 0) {
            throw new ConfigurationException("broadside.throttle.domain-in-flight must be 0 or more, not " + inFlight);
        }
        return new ThrottleSettings(settings.nonNegative("broadside.throttle.rate"),
                settings.nonNegative("broadside.throttle.domain-rate"), inFlight,
                quotas(settings.list(QUOTAS)));
    }

    static List<Quota> quotas(List<String> entries) {
        List<Quota> quotas = new ArrayList<>();
        for (String entry : entries) {
            int slash = entry.indexOf('/');
            if (slash < 0) {
                throw bad(entry);
            }
            int limit;
            try {
                limit = Integer.parseInt(entry.substring(0, slash).strip());
            } catch (NumberFormatException e) {
                throw bad(entry);
            }
            Duration window = window(entry.substring(slash + 1).strip(), entry);
            if (limit < 1 || window.isNegative() || window.isZero()) {
                throw bad(entry);
            }
            quotas.add(new Quota(limit, window));
        }
        return List.copyOf(quotas);
    }

    private static Duration window(String text, String entry) {
        Duration named = NAMED_WINDOWS.get(text.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(entry);
        }
    }

    private static ConfigurationException bad(String entry) {
        return new ConfigurationException(QUOTAS + ": '" + entry + "' is not a quota; write COUNT/WINDOW with a"
                + " positive count and a window of minute, hour, day or an ISO-8601 duration, e.g. 2000/day");
    }
}
