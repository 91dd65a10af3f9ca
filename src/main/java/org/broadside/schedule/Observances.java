package org.broadside.schedule;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Named days of the movement's calendar (International Migrants Day → 12-18), from {@code config/observances.yaml}. */
public final class Observances {
    private final Map<String, MonthDay> dates;

    public Observances(Map<String, MonthDay> dates) {
        this.dates = Map.copyOf(new TreeMap<>(dates));
    }

    public Set<String> names() {
        return dates.keySet();
    }

    public Optional<MonthDay> date(String name) {
        return Optional.ofNullable(dates.get(name));
    }

    /**
     * The next date of an observance on or after a day; 29 February falls on 28 February in other years.
     *
     * @throws IllegalArgumentException for a name that is not an observance
     */
    public LocalDate next(String name, LocalDate from) {
        MonthDay day = date(name).orElseThrow(() -> new IllegalArgumentException("no observance named '" + name + "'"));
        LocalDate thisYear = day.atYear(from.getYear());
        return thisYear.isBefore(from) ? day.atYear(from.getYear() + 1) : thisYear;
    }
}
