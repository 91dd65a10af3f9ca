package org.broadside.social.bluesky;

import org.broadside.config.ConfigurationException;
import org.broadside.config.Hosts;
import org.broadside.config.Settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which Bluesky account Broadside posts as: the PDS to talk to ({@code broadside.bluesky.service}), the handle
 * ({@code broadside.bluesky.handle}) and an app password ({@code broadside.bluesky.app-password}), which operators
 * set as the environment variable {@value #PASSWORD_VARIABLE} rather than in a file under {@code config/}.
 *
 * @param service base URL of the PDS, without a trailing slash
 * @param handle  what to sign in as: the handle, or the account's email address
 */
public record BlueskySettings(String service, String handle, String appPassword) {
    static final String SERVICE = "broadside.bluesky.service";
    static final String HANDLE = "broadside.bluesky.handle";
    static final String PASSWORD = "broadside.bluesky.app-password";
    /** Where the password belongs: {@link Settings} reads it into {@value #PASSWORD}, as for any setting. */
    public static final String PASSWORD_VARIABLE = "BROADSIDE_BLUESKY_APP_PASSWORD";

    /**
     * The account to post as, or empty when no handle is set (posting to Bluesky is off).
     *
     * @throws ConfigurationException when only one of the handle and the password is set, or the service is not
     *                                an https URL (http only to this machine)
     */
    public static Optional<BlueskySettings> from(Settings settings) {
        Optional<String> handle = settings.find(HANDLE);
        Optional<String> password = settings.find(PASSWORD);
        if (handle.isEmpty() && password.isEmpty()) {
            return Optional.empty();
        }
        if (handle.isEmpty()) {
            throw new ConfigurationException(PASSWORD_VARIABLE + " is set but " + HANDLE + " is not: set the handle"
                    + " of the account to post as (e.g. alliance.bsky.social), or unset the variable to post nowhere");
        }
        if (password.isEmpty()) {
            throw new ConfigurationException(HANDLE + " is set but the environment variable " + PASSWORD_VARIABLE
                    + " is not: create an app password in Bluesky (Settings, Privacy and security, App passwords)"
                    + " and set it there, or clear " + HANDLE + " to post nowhere");
        }
        return Optional.of(new BlueskySettings(service(settings), handle.get(), password.get()));
    }

    /** Tokens and the password travel in every request, so only TLS will do, except to a PDS on this machine. */
    private static String service(Settings settings) {
        String value = settings.require(SERVICE);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean secure = scheme.equals("https") || scheme.equals("http") && Hosts.isLoopback(uri.getHost());
            if (secure && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null) {
                return value.replaceAll("/+$", "");
            }
        } catch (URISyntaxException e) {
            // reported below, with the key
        }
        throw new ConfigurationException(SERVICE + " must be the https URL of a Bluesky PDS such as"
                + " https://bsky.social (http only on this machine), not '" + value + "'");
    }

    @Override
    public String toString() {
        // Never print the password, not even in a stack trace.
        return "BlueskySettings[" + handle + " at " + service + "]";
    }
}
