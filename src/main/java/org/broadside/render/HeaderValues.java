package org.broadside.render;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Checks on every value that reaches a header. The statement parser already refuses multi-line titles
 * and the contact import refuses bad addresses; this is the second line of defence, so a value that
 * slipped through can never start a header of its own (a {@code Bcc:} smuggled in after a CR LF).
 */
final class HeaderValues {

    private HeaderValues() {
    }

    /**
     * @return the value, unchanged
     * @throws IllegalArgumentException naming the header when the value holds CR, LF or another control character
     */
    static String singleLine(String header, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException(header + " header: the value contains a line break (CR or LF),"
                        + " which would end the header: " + visible(value));
            }
            if (Character.isISOControl(c) && c != '\t') {
                throw new IllegalArgumentException(header + " header: the value contains the control character U+"
                        + String.format("%04X", (int) c) + ": " + visible(value));
            }
        }
        return value;
    }

    /** A Message-ID as the ledger stores it: {@code local@domain}, without the angle brackets. */
    static String messageId(String value) {
        singleLine("Message-ID", value);
        int at = value.indexOf('@');
        boolean localAtDomain = at > 0 && at < value.length() - 1 && value.indexOf('@', at + 1) < 0;
        if (!localAtDomain || containsAny(value, "<>")) {
            throw new IllegalArgumentException("Message-ID header: expected local@domain without angle brackets or spaces, not '"
                    + value + "'");
        }
        return value;
    }

    /** A URI for List-Unsubscribe, which puts each one in angle brackets and separates them with commas. */
    static String unsubscribeUri(String scheme, String value) {
        singleLine("List-Unsubscribe", value);
        if (!value.regionMatches(true, 0, scheme + ":", 0, scheme.length() + 1) || containsAny(value, "<>,")) {
            throw new IllegalArgumentException("List-Unsubscribe header: expected a " + scheme
                    + ": URI without spaces, angle brackets or commas, not '" + value + "'");
        }
        return value;
    }

    /** Both parts of an address: the display name may carry a line break that quoting would not neutralise. */
    static InternetAddress requireAddress(String header, InternetAddress address) {
        singleLine(header, address.getAddress());
        if (address.getPersonal() != null) {
            singleLine(header, address.getPersonal());
        }
        try {
            address.validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException(header + " header: not a valid address: '" + address.getAddress() + "'", e);
        }
        return address;
    }

    /**
     * Whether the value holds whitespace (what {@code \\s} matches: space, tab, LF, VT, FF, CR) or one of
     * {@code others}. Checked on every email, so a loop rather than a regular expression.
     */
    private static boolean containsAny(String value, String others) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c >= '\t' && c <= '\r' || others.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String visible(String value) {
        return "'" + value.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }
}
