package org.broadside.audience;

import java.util.Locale;
import java.util.Set;

/**
 * A member organization's or a journalist's address, as stored.
 *
 * @param email        the lower-cased address: the key, so one person on two lists is one contact
 * @param address      the address as imported, used in the To header
 * @param country      ISO 3166-1 alpha-2, upper case
 * @param organization may be null
 * @param contactName  may be null
 * @param language     BCP 47 tag, or null when unknown (the statement's original language is used)
 * @param timezone     IANA zone id, or null to derive it from the country
 * @param lists        the lists the contact is on
 */
public record Contact(
        String email,
        String address,
        String country,
        String organization,
        String contactName,
        String language,
        String timezone,
        Set<String> lists) {

    public Contact {
        lists = Set.copyOf(lists);
    }

    public static String normalise(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    /** How the greeting addresses them: the organization, else the person, else null for a generic greeting. */
    public String greetingName() {
        return organization != null ? organization : contactName;
    }

    /** The display name in the To header. */
    public String displayName() {
        return contactName != null ? contactName : organization;
    }
}
