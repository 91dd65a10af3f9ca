package org.broadside.dispatch;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;
import org.broadside.config.ConfigurationException;
import org.broadside.security.SignedTokens;

/**
 * VERP: every email's envelope sender is {@code local+TOKEN@domain}, made from {@code broadside.bounce.address},
 * where TOKEN names the delivery and is signed. Receiving servers send bounces to the envelope sender, so a
 * bounce names the very delivery it is about, however it quotes (or fails to quote) the original message; and
 * since the token is signed, a forged bounce cannot suppress anyone. Without a bounce address VERP is off and
 * the envelope sender stays the From address.
 */
public final class BounceAddresses {
    static final String PURPOSE = "bounce";
    /** Where the token begins: the sub-address delimiter Postfix, Exim and most hosted mailboxes deliver through. */
    private static final char DELIMITER = '+';
    /** RFC 5321's limit for a local part. */
    private static final int MAX_LOCAL_PART = 64;
    /** '+', up to 12 digits of delivery id (a trillion deliveries), '-', 16 base32 characters of MAC. */
    private static final int TOKEN_ROOM = 1 + 12 + 1 + 16;

    private final SignedTokens tokens;
    private final String local;
    private final String domain;

    /**
     * @param bounceAddress the setting {@code broadside.bounce.address}; null or blank turns VERP off
     * @throws ConfigurationException naming the setting when the address cannot carry a token
     */
    public BounceAddresses(SignedTokens tokens, String bounceAddress) {
        this.tokens = tokens;
        if (bounceAddress == null || bounceAddress.isBlank()) {
            this.local = null;
            this.domain = null;
            return;
        }
        String address = plainAddress(bounceAddress.strip());
        int at = address.lastIndexOf('@');
        this.local = address.substring(0, at).toLowerCase(Locale.ROOT);
        this.domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        if (local.indexOf(DELIMITER) >= 0 || local.startsWith("\"")) {
            throw new ConfigurationException("broadside.bounce.address must be a plain address without '" + DELIMITER
                    + "' (the token goes after it), not '" + bounceAddress + "'");
        }
        if (local.length() + TOKEN_ROOM > MAX_LOCAL_PART) {
            throw new ConfigurationException("broadside.bounce.address: the part before @ may have at most "
                    + (MAX_LOCAL_PART - TOKEN_ROOM) + " characters, to leave room for the token, not '" + local + "'");
        }
    }

    public boolean enabled() {
        return local != null;
    }

    /** The envelope sender (MAIL FROM) for a delivery; empty when VERP is off. */
    public Optional<String> envelopeSender(long deliveryId) {
        if (!enabled()) {
            return Optional.empty();
        }
        return Optional.of(local + DELIMITER + tokens.signCaseless(PURPOSE, Long.toString(deliveryId)) + "@" + domain);
    }

    /**
     * The delivery a bounce was addressed to, if the address is one of ours with a genuine token; compared without
     * regard to case, since servers may fold it. Empty for any other address, a forged or altered token, or when
     * VERP is off.
     */
    public Optional<Long> deliveryOf(String address) {
        if (!enabled() || address == null) {
            return Optional.empty();
        }
        String folded = address.strip().toLowerCase(Locale.ROOT);
        String prefix = local + DELIMITER;
        int at = folded.lastIndexOf('@');
        if (at < 0 || !folded.substring(at + 1).equals(domain) || !folded.startsWith(prefix) || at < prefix.length()) {
            return Optional.empty();
        }
        return tokens.verifyCaseless(PURPOSE, folded.substring(prefix.length(), at))
                .filter(payload -> payload.matches("[0-9]{1,18}"))
                .map(Long::parseLong);
    }

    private static String plainAddress(String value) {
        try {
            InternetAddress parsed = new InternetAddress(value, true);
            if (parsed.getPersonal() != null || parsed.getAddress().indexOf('@') <= 0) {
                throw new AddressException("not a plain address");
            }
            return parsed.getAddress();
        } catch (AddressException e) {
            throw new ConfigurationException("broadside.bounce.address must be an address such as "
                    + "bounces@alliance.example, not '" + value + "'");
        }
    }
}
