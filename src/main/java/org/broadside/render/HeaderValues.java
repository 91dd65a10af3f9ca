package org.broadside.render;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks on every value that reaches a header. The statement parser already refuses multi-line titles
 * and the contact import refuses bad addresses; this is the second line of defence, so a value that
 * slipped through can never start a header of its own (a {@code Bcc:} smuggled in after a CR LF).
 */
final class HeaderValues {
    private static final Pattern MESSAGE_ID = Pattern.compile("[^\\s<>@]+@[^\\s<>@]+");
    private static final Pattern URI_IN_ANGLE_BRACKETS = Pattern.compile("[^\\s<>,]+");

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
        if (!MESSAGE_ID.matcher(value).matches()) {
            throw new IllegalArgumentException("Message-ID header: expected local@domain without angle brackets or spaces, not '"
                    + value + "'");
        }
        return value;
    }

    /** A URI for List-Unsubscribe, which puts each one in angle brackets and separates them with commas. */
    static String unsubscribeUri(String scheme, String value) {
        singleLine("List-Unsubscribe", value);
        if (!value.toLowerCase(Locale.ROOT).startsWith(scheme + ":") || !URI_IN_ANGLE_BRACKETS.matcher(value).matches()) {
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

    private static String visible(String value) {
        return "'" + value.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }
}
