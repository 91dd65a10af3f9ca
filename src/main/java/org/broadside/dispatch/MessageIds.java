package org.broadside.dispatch;

import java.util.Locale;
import org.broadside.statement.ContentHash;

/**
 * Message-IDs derived from (release, recipient): unique per delivery and the same on every retry, so a
 * message sent twice after a crash is recognisable as one by the receiving side.
 */
public final class MessageIds {
    private final String domain;

    public MessageIds(String domain) {
        this.domain = domain.toLowerCase(Locale.ROOT);
    }

    /** The id without angle brackets. */
    public String of(String releaseId, String recipient) {
        return ContentHash.of(releaseId + "\n" + recipient).substring(0, 32) + "@" + domain;
    }
}
