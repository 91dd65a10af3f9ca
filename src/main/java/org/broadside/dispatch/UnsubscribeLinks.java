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

    public String url(String recipient) {
        return baseUrl + "/unsubscribe?token=" + token(recipient);
    }

    public String mailto(String recipient) {
        return "mailto:" + mailbox + "?subject=" + URLEncoder.encode("unsubscribe " + token(recipient),
                StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The address a genuine token was made for; empty for a forged or altered one. */
    public Optional<String> recipientOf(String token) {
        return tokens.verify(PURPOSE, token);
    }

    private String token(String recipient) {
        return tokens.sign(PURPOSE, recipient);
    }
}
