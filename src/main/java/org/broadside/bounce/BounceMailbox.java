package org.broadside.bounce;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.broadside.config.ConfigurationException;
import org.broadside.config.Hosts;
import org.broadside.config.Settings;

/**
 * The settings of the bounce mailbox that the {@code bounces} route reads, checked when Broadside opens, so that a
 * mistake is reported naming its setting instead of as a failing poll in the service's log.
 */
public final class BounceMailbox {
    static final String URL = "broadside.bounce.mailbox-url";
    private static final Set<String> ENCRYPTED = Set.of("imaps", "pop3s");
    private static final Set<String> PLAIN = Set.of("imap", "pop3");

    private BounceMailbox() {
    }

    /** @throws ConfigurationException naming the setting that is missing or wrong; nothing when no mailbox is set */
    public static void check(Settings settings) {
        String url = settings.find(URL).orElse(null);
        if (url == null) {
            return;
        }
        URI uri = parse(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!ENCRYPTED.contains(scheme) && !PLAIN.contains(scheme) || uri.getHost() == null) {
            throw new ConfigurationException(URL + " must be an imaps:// or pop3s:// URL such as "
                    + "imaps://imap.alliance.example, not " + shown(url));
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new ConfigurationException(URL + " holds only the protocol, host and port; the user, password and "
                    + "folder have settings of their own (broadside.bounce.username, .password, .folder)");
        }
        if (PLAIN.contains(scheme) && !Hosts.isLoopback(uri.getHost())) {
            throw new ConfigurationException(URL + ": " + scheme + ":// would send the password in clear text; use "
                    + scheme + "s:// (plain " + scheme + ":// is only for a server on this machine)");
        }
        if (settings.find("broadside.bounce.address").isEmpty()) {
            throw new ConfigurationException("broadside.bounce.address must be set when " + URL + " is: a bounce is "
                    + "matched to its delivery by the address it comes back to");
        }
        settings.require("broadside.bounce.folder");
        settings.require("broadside.bounce.username");
        settings.require("broadside.bounce.password");
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new ConfigurationException(URL + " is not a URL such as imaps://imap.alliance.example: " + shown(url));
        }
    }

    /** The value for an error message, unless it may hold a password (user:password@host). */
    private static String shown(String url) {
        return url.contains("@") ? "(a value with '@', not shown)" : "'" + url + "'";
    }

}
