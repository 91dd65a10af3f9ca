package org.broadside.social.mastodon;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.broadside.config.ConfigurationException;
import org.broadside.config.Hosts;
import org.broadside.config.Settings;

/**
 * Where and how Broadside posts to Mastodon, read from {@code broadside.mastodon.*}. No instance URL means no
 * posting; an instance URL without a token is a token that went missing (an unset variable) and is refused.
 *
 * @param instance   the instance's base URL, without a trailing slash, e.g. {@code https://mastodon.social}
 * @param token      the application's access token, from the environment variable BROADSIDE_MASTODON_TOKEN
 * @param visibility public, unlisted, private or direct
 */
public record MastodonSettings(URI instance, String token, String visibility) {
    static final String URL = "broadside.mastodon.url";
    static final String TOKEN = "broadside.mastodon.token";
    static final String VISIBILITY = "broadside.mastodon.visibility";
    private static final Set<String> VISIBILITIES = Set.of("public", "unlisted", "private", "direct");

    /**
     * The Mastodon settings, if an instance is configured.
     *
     * @throws ConfigurationException naming the setting that is missing or wrong
     */
    public static Optional<MastodonSettings> from(Settings settings) {
        Optional<String> url = settings.find(URL);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MastodonSettings(instance(url.get()), token(settings), visibility(settings)));
    }

    /** An endpoint of the instance, e.g. {@code /api/v1/statuses}. */
    URI endpoint(String path) {
        return URI.create(instance + path);
    }

    private static URI instance(String value) {
        URI uri;
        try {
            uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (URISyntaxException e) {
            throw new ConfigurationException(URL + " must be the instance's address such as https://mastodon.social,"
                    + " not '" + value + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getQuery() != null
                || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw new ConfigurationException(URL + " must be the instance's address such as https://mastodon.social,"
                    + " not '" + value + "'");
        }
        // The access token travels in every request: in clear text only to this machine (a test server).
        if (scheme.equals("http") && !Hosts.isLoopback(uri.getHost())) {
            throw new ConfigurationException(URL + " must use https (the access token would cross the network in"
                    + " clear text), not '" + value + "'");
        }
        return uri;
    }

    private static String token(Settings settings) {
        String token = settings.find(TOKEN).orElseThrow(() -> new ConfigurationException(URL
                + " is set but no access token is: set the environment variable " + Settings.environmentName(TOKEN)
                + " to the token of an application with the write:statuses scope, or clear " + URL
                + " to not post to Mastodon"));
        // Checked here, because the HTTP client would refuse it later with the token in its message.
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ConfigurationException(Settings.environmentName(TOKEN) + " must be the access token as Mastodon"
                    + " shows it (visible ASCII characters, no spaces)");
        }
        return token;
    }

    private static String visibility(Settings settings) {
        String visibility = settings.require(VISIBILITY).toLowerCase(Locale.ROOT);
        if (!VISIBILITIES.contains(visibility)) {
            throw new ConfigurationException(VISIBILITY + " must be public, unlisted, private or direct, not '"
                    + visibility + "'");
        }
        return visibility;
    }

    @Override
    public String toString() {
        // Never print the token, not even in a stack trace.
        return "MastodonSettings[" + instance + ", visibility=" + visibility + "]";
    }
}
