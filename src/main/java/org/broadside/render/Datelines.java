package org.broadside.render;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times as they are printed in an email, in the language of the version being sent. */
final class Datelines {
    /**
     * CLDR reads a bare {@code en} as US English ("December 18, 2026"); the alliance writes international
     * English, day first, which CLDR calls {@code en-001}.
     */
    private static final Locale INTERNATIONAL_ENGLISH = Locale.forLanguageTag("en-001");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("'UTC'xxx", Locale.ROOT);
    /** Zone abbreviations are press-wire shorthand; other locales mostly have none and print GMT+8. */
    private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private Datelines() {
    }

    /** The dateline, e.g. {@code 18 December 2026} in en, {@code 18 de diciembre de 2026} in es. */
    static String date(LocalDate date, Locale language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(forDates(language)).format(date);
    }

    /**
     * An embargo's end in the recipient's zone, e.g. {@code 18 December 2026, 09:00 HKT (UTC+08:00)}. The
     * offset is always given because abbreviations are ambiguous (PST is Manila's and California's).
     */
    static String dateTimeWithZone(ZonedDateTime at, Locale language) {
        String abbreviation = ABBREVIATION.format(at);
        boolean hasAbbreviation = !abbreviation.startsWith("GMT") && !abbreviation.startsWith("UTC");
        String zone = hasAbbreviation ? abbreviation + " (" + OFFSET.format(at) + ")" : OFFSET.format(at);
        return date(at.toLocalDate(), language) + ", " + TIME.format(at) + " " + zone;
    }

    private static Locale forDates(Locale language) {
        return language.getLanguage().equals("en") && language.getCountry().isEmpty() ? INTERNATIONAL_ENGLISH : language;
    }
}
