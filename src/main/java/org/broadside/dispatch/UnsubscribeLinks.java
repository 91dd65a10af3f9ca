package org.broadside.dispatch;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.broadside.config.ConfigurationException;
import org.broadside.security.SignedTokens;

/**
 * The List-Unsubscribe targets of an email: an https URL for one-click unsubscribe (RFC 8058) and a
 * mailto: fallback, both carrying a token signed for the recipient's address.
 */
public final class UnsubscribeLinks {
    static final String PURPOSE = "unsubscribe";

    private final SignedTokens tokens;
    private final String baseUrl;
    private final String mailbox;

    public UnsubscribeLinks(SignedTokens tokens, String publicUrl, String mailbox) {
        URI base = URI.create(publicUrl);
        if (!"https".equals(base.getScheme()) || base.getHost() == null) {
            throw new ConfigurationException("broadside.public-url must be an https URL, not '" + publicUrl + "'");
        }
        this.tokens = tokens;
        this.baseUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.mailbox = mailbox;
    }

    /** Both targets for one recipient, from one signed token. */
    public Targets of(String recipient) {
        String token = tokens.sign(PURPOSE, recipient);
        return new Targets(baseUrl + "/unsubscribe?token=" + token,
                "mailto:" + mailbox + "?subject=" + URLEncoder.encode("unsubscribe " + token, StandardCharsets.UTF_8)
                        .replace("+", "%20"));
    }

    /** The one-click URL and the mailto: fallback of one recipient. */
    public record Targets(String url, String mailto) {
    }

    /** The address a genuine token was made for; empty for a forged or altered one. */
    public Optional<String> recipientOf(String token) {
        return tokens.verify(PURPOSE, token);
    }
}
