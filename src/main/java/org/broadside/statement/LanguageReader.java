package org.broadside.statement;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/** Reads a BCP 47 language tag, kept as written, whose language is one ISO 639 knows. */
final class LanguageReader {
    private static final Set<String> TWO_LETTER_LANGUAGES = Set.of(Locale.getISOLanguages());

    private LanguageReader() {
    }

    static String language(Field field, Problems problems) {
        String tag = field.singleLine(problems);
        if (tag == null) {
            return null;
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            field.reportValue(tag, "is not a well-formed BCP 47 language tag", problems);
            return null;
        }
        if (!isKnown(locale.getLanguage())) {
            field.reportValue(tag, "does not start with a known ISO 639 language", problems);
            return null;
        }
        return tag;
    }

    /**
     * Locale lists only two-letter codes; a three-letter code with no two-letter form ({@code fil},
     * {@code ceb}, {@code yue}) counts as known when the JDK's locale data has a name for it.
     */
    private static boolean isKnown(String language) {
        if (TWO_LETTER_LANGUAGES.contains(language)) {
            return true;
        }
        String name = Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
        return language.length() == 3 && !name.isEmpty() && !name.equals(language);
    }
}
