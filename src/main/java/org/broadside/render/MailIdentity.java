package org.broadside.render;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Objects;

/** Who every email is from, and where replies go (settings {@code broadside.mail.from} and {@code .reply-to}). */
public record MailIdentity(InternetAddress from, InternetAddress replyTo) {

    public MailIdentity {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(replyTo, "replyTo");
        HeaderValues.requireAddress("From", from);
        HeaderValues.requireAddress("Reply-To", replyTo);
    }

    /**
     * Parses the settings' form, e.g. {@code Broadside <news@broadside.example>} and {@code press@broadside.example}.
     *
     * @throws IllegalArgumentException naming the header whose address does not parse
     */
    public static MailIdentity parse(String from, String replyTo) {
        return new MailIdentity(address("From", from), address("Reply-To", replyTo));
    }

    private static InternetAddress address(String header, String value) {
        try {
            return new InternetAddress(HeaderValues.singleLine(header, value), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(header + ": not an email address: '" + value + "'", e);
        }
    }
}
