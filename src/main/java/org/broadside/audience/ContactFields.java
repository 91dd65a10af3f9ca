package org.broadside.audience;

import com.ibm.icu.util.ULocale;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.broadside.validation.Quoted;
import org.broadside.validation.Suggestions;

/**
 * The rule for each column's value. Each check takes a value that is present, stripped and free of control
 * characters, and returns the form to store, or null after adding what is wrong to {@code problems}.
 * Messages name the column and quote the value so that the operator can find it in the row.
 */
final class ContactFields {
    /** RFC 5321 caps a forward-path at 256 octets, two of them the angle brackets. */
    private static final int MAX_ADDRESS_LENGTH = 254;
    /** The width of {@code organization} and {@code contact_name} in the schema. */
    private static final int MAX_NAME_LENGTH = 500;
    /** The width of {@code language} in the schema, and the longest tag worth supporting. */
    private static final int MAX_LANGUAGE_LENGTH = 35;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private ContactFields() {
    }

    /** One bare address with a domain, as strict RFC 822 parsing sees it; display names belong in contact_name. */
    static String email(String value, List<String> problems) {
        String complaint = complaintAboutAddress(value);
        if (complaint != null) {
            problems.add("email " + Quoted.of(value) + " " + complaint);
            return null;
        }
        return value;
    }

    private static String complaintAboutAddress(String value) {
        if (value.length() > MAX_ADDRESS_LENGTH) {
            return "is longer than " + MAX_ADDRESS_LENGTH + " characters";
        }
        InternetAddress[] parsed;
        try {
            parsed = InternetAddress.parse(value, true);
            if (parsed.length == 1 && !parsed[0].isGroup()) {
                parsed[0].validate();
            }
        } catch (AddressException e) {
            return "is not a valid address (" + e.getMessage() + ")";
        }
        if (parsed.length != 1) {
            return "holds " + parsed.length + " addresses; give one per row";
        }
        InternetAddress address = parsed[0];
        if (address.isGroup()) {
            return "is a group, not one address";
        }
        if (address.getPersonal() != null) {
            return "has a display name; put the bare address here and the name in contact_name";
        }
        if (!address.getAddress().equals(value)) {
            return "is not a bare address; write it as " + address.getAddress();
        }
        String domain = value.substring(value.lastIndexOf('@') + 1);
        if (!domain.contains(".")) {
            return "has no dot in its domain " + Quoted.of(domain);
        }
        return null;
    }

    /** Stored upper case, as ISO 3166-1 writes it; lower case is accepted because spreadsheets often have it. */
    static String country(String value, List<String> problems) {
        String code = value.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            problems.add("country " + Quoted.of(value) + " is not an ISO 3166-1 alpha-2 code");
            return null;
        }
        return code;
    }

    /**
     * A well-formed BCP 47 tag whose language the JDK or ICU can name, so that a typo is not taken for a
     * rare language; ICU knows some the JDK does not, such as Dari ({@code prs}). Stored in canonical case.
     */
    static String language(String value, List<String> problems) {
        Optional<Locale> locale = value.length() <= MAX_LANGUAGE_LENGTH ? wellFormed(value) : Optional.empty();
        if (locale.isEmpty()) {
            Optional<Locale> intended = wellFormed(value.replace('_', '-'));
            problems.add("language " + Quoted.of(value) + " is not a well-formed BCP 47 tag"
                    + intended.map(tag -> Suggestions.didYouMean(tag.toLanguageTag())).orElse(""));
            return null;
        }
        if (!isKnownLanguage(locale.get().getLanguage())) {
            problems.add("language " + Quoted.of(value) + " is not a known language");
            return null;
        }
        return locale.get().toLanguageTag();
    }

    private static Optional<Locale> wellFormed(String tag) {
        try {
            return Optional.of(new Locale.Builder().setLanguageTag(tag).build());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    private static boolean isKnownLanguage(String language) {
        return ISO_639_1.contains(language)
                || !language.isEmpty()
                        && (!Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH).equals(language)
                                || !new ULocale(language).getDisplayLanguage(ULocale.ENGLISH).equals(language));
    }

    /** An IANA region id exactly as the time-zone database spells it, since ZoneId.of is case-sensitive. */
    static String timezone(String value, List<String> problems) {
        if (!ZONES.contains(value)) {
            problems.add("timezone " + Quoted.of(value) + " is not an IANA time zone"
                    + Suggestions.closest(value, ZONES)
                            .map(Suggestions::didYouMean)
                            .orElse(" (for example 'Europe/Berlin')"));
            return null;
        }
        return value;
    }

    /** Names separated by semicolons, each checked on its own; empty names, as after a trailing semicolon, are ignored. */
    static Set<String> lists(String value, List<String> problems) {
        Set<String> names = new TreeSet<>();
        for (String part : value.split(";")) {
            String name = part.strip();
            if (ListName.isValid(name)) {
                names.add(name);
            } else if (!name.isEmpty()) {
                problems.add("lists: " + Quoted.of(name) + " is not a valid list name (" + ListName.RULE + ")");
            }
        }
        return names;
    }

    /** Free text such as an organization's name, in any script; only its length is limited. */
    static String name(ContactColumn column, String value, List<String> problems) {
        if (value.length() > MAX_NAME_LENGTH) {
            problems.add(column.header() + " " + Quoted.of(value) + " is longer than " + MAX_NAME_LENGTH + " characters");
            return null;
        }
        return value;
    }
}
