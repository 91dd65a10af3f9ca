package org.broadside.social;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Links that open a network's composer with a post filled in, for people who post by hand (members sharing a
 * statement). Only the documented ones: X's web intent (docs.x.com, "Web intent"), Bluesky's action intent
 * (docs.bsky.app, "Action Intent Links") and Threads' web intent (developers.facebook.com, "Threads Web
 * Intents"). Mastodon has none that works across instances, Facebook's sharer takes no text, and LinkedIn
 * documents a share link for a URL only.
 */
public final class ShareIntents {

    private ShareIntents() {
    }

    /** The link opening {@code network}'s composer with {@code text}; empty where the network has none. */
    public static Optional<String> compose(Network network, String text) {
        return composer(network).map(base -> base + percentEncoded(text));
    }

    private static Optional<String> composer(Network network) {
        return switch (network) {
            case X -> Optional.of("https://x.com/intent/tweet?text=");
            case BLUESKY -> Optional.of("https://bsky.app/intent/compose?text=");
            case THREADS -> Optional.of("https://www.threads.net/intent/post?text=");
            case MASTODON, LINKEDIN, FACEBOOK -> Optional.empty();
        };
    }

    /**
     * Every byte outside the unreserved set percent-encoded (UTF-8), a space as {@code %20}: URLEncoder's
     * {@code +} means a space only in form data, and a composer that reads the query otherwise would show it.
     */
    private static String percentEncoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
