package org.broadside.render;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.broadside.statement.Statement;

/** Which language version a recipient reads, and which way its text runs. */
public final class Languages {
    /** Scripts written right to left (ISO 15924) that member organizations' languages use or may use. */
    private static final Set<String> RIGHT_TO_LEFT_SCRIPTS = Set.of(
            "arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr", "mend", "yezi");

    /**
     * Languages whose usual script runs right to left, consulted only when the tag names no script:
     * {@code ku} is absent because Kurmanji is usually written in Latin ({@code ku-Arab} is caught by its
     * script), {@code sd} because Sindhi in India is written in Devanagari ({@code sd-Deva}).
     */
    private static final Set<String> RIGHT_TO_LEFT_LANGUAGES = Set.of(
            "ar", "arc", "azb", "bal", "bqi", "ckb", "dv", "fa", "glk", "he", "iw", "ji", "khw", "ks", "lrc",
            "mzn", "nqo", "pnb", "prs", "ps", "rhg", "sd", "sdh", "syr", "ug", "ur", "yi");

    private Languages() {
    }

    /**
     * The version a recipient gets: the exact language (case-insensitive BCP 47), else the same primary
     * language, preferring the bare-language version ({@code pt} for {@code pt-BR}) over a regional one,
     * else the original.
     *
     * @param recipientLanguage the contact's BCP 47 tag ({@code _} accepted for {@code -}); null when unknown
     * @throws IllegalArgumentException when no version is the original ({@code translationOf} null)
     */
    public static Statement pick(List<Statement> versions, String recipientLanguage) {
        Statement original = versions.stream()
                .filter(version -> version.translationOf() == null)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("none of the " + versions.size()
                        + " language versions is the original (all have translation_of)"));
        if (recipientLanguage == null || recipientLanguage.isBlank()) {
            return original;
        }
        Locale wanted = locale(recipientLanguage);
        String primary = wanted.getLanguage();
        return first(versions, version -> locale(version.language()).equals(wanted))
                .or(() -> first(versions, version -> !primary.isEmpty()
                        && locale(version.language()).toLanguageTag().equals(primary)))
                .or(() -> first(versions, version -> !primary.isEmpty()
                        && locale(version.language()).getLanguage().equals(primary)))
                .orElse(original);
    }

    /**
     * Whether text in this language runs right to left: decided by the script subtag when there is one
     * ({@code ug-Latn} is left to right, {@code ku-Arab} right to left), else by the language.
     */
    public static boolean isRightToLeft(String languageTag) {
        Locale locale = locale(languageTag);
        String script = locale.getScript();
        if (!script.isEmpty()) {
            return RIGHT_TO_LEFT_SCRIPTS.contains(script.toLowerCase(Locale.ROOT));
        }
        return RIGHT_TO_LEFT_LANGUAGES.contains(locale.getLanguage());
    }

    private static Optional<Statement> first(List<Statement> versions, Predicate<Statement> matches) {
        return versions.stream().filter(matches).findFirst();
    }

    /** Locale's parser lower-cases, title-cases and maps old codes (iw, ji), which makes the match case-insensitive. */
    private static Locale locale(String languageTag) {
        return Locale.forLanguageTag(languageTag.trim().replace('_', '-'));
    }
}
