package org.broadside.dkim;

import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.broadside.config.ConfigurationException;
import org.broadside.config.Settings;

/**
 * Who signs: the signing domain ({@code d=}), the selector ({@code s=}) under which its public key is published
 * in DNS, and the private key. Read from {@code broadside.dkim.*}; no key configured means no signing.
 */
public record DkimSettings(String domain, String selector, RSAPrivateKey key) {
    static final String DOMAIN = "broadside.dkim.domain";
    static final String SELECTOR = "broadside.dkim.selector";
    static final String KEY = "broadside.dkim.private-key";
    static final String KEY_FILE = "broadside.dkim.private-key-file";

    /** RFC 6376 3.1: a selector is one or more dot-separated sub-domains; a domain needs at least two labels. */
    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?";
    private static final Pattern SELECTOR_SYNTAX = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOMAIN_SYNTAX = Pattern.compile(LABEL + "(?:\\." + LABEL + ")+");

    /**
     * The DKIM settings, if a key is configured.
     *
     * @param from the From address of every email: the signing domain must be its domain or a parent of it
     * @throws ConfigurationException naming the setting that is missing or wrong
     */
    public static Optional<DkimSettings> from(Settings settings, InternetAddress from) {
        Optional<String> pem = settings.find(KEY);
        Optional<String> file = settings.find(KEY_FILE);
        if (pem.isPresent() && file.isPresent()) {
            throw new ConfigurationException("set either " + KEY + " (environment variable "
                    + Settings.environmentName(KEY) + ") or " + KEY_FILE + ", not both");
        }
        if (pem.isEmpty() && file.isEmpty()) {
            refuseSettingsWithoutKey(settings);
            return Optional.empty();
        }
        RSAPrivateKey key = pem.map(text -> parse(KEY, text)).orElseGet(() -> fromFile(settings.path(KEY_FILE)));
        return Optional.of(new DkimSettings(domain(settings, from), selector(settings), key));
    }

    /** A selector or domain without a key is a key that went missing (an unset variable), not a wish for no DKIM. */
    private static void refuseSettingsWithoutKey(Settings settings) {
        for (String key : new String[] {SELECTOR, DOMAIN}) {
            if (settings.find(key).isPresent()) {
                throw new ConfigurationException(key + " is set but no DKIM key is: set " + KEY_FILE
                        + " or the environment variable " + Settings.environmentName(KEY) + ", or clear " + key
                        + " to send unsigned");
            }
        }
    }

    private static RSAPrivateKey fromFile(Path file) {
        try {
            return parse(KEY_FILE + " (" + file + ")", Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new ConfigurationException(KEY_FILE + ": cannot read " + file + " (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    private static RSAPrivateKey parse(String source, String pem) {
        try {
            return PemPrivateKey.parse(pem);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(source + ": the DKIM key " + e.getMessage());
        }
    }

    private static String selector(Settings settings) {
        String selector = settings.require(SELECTOR);
        if (!SELECTOR_SYNTAX.matcher(selector).matches()) {
            throw new ConfigurationException(SELECTOR + " must be a DNS label such as 2026 or news-2026, not '"
                    + selector + "'");
        }
        return selector;
    }

    /**
     * The signing domain, by default the From address's. Receivers (DMARC) credit a signature only when its
     * domain is the From domain or a parent of it, so any other domain is refused at start rather than in inboxes.
     */
    private static String domain(Settings settings, InternetAddress from) {
        String address = from.getAddress();
        String fromDomain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        String domain = settings.find(DOMAIN).map(value -> value.toLowerCase(Locale.ROOT)).orElse(fromDomain);
        if (!DOMAIN_SYNTAX.matcher(domain).matches()) {
            throw new ConfigurationException(DOMAIN + " must be a domain name such as alliance.example, not '"
                    + domain + "'");
        }
        if (!fromDomain.equals(domain) && !fromDomain.endsWith("." + domain)) {
            throw new ConfigurationException(DOMAIN + " '" + domain + "' is neither the domain of broadside.mail.from ("
                    + fromDomain + ") nor a parent of it: receivers would not credit the signature to the sender");
        }
        return domain;
    }

    @Override
    public String toString() {
        // Never print the key, not even in a stack trace.
        return "DkimSettings[d=" + domain + ", s=" + selector + ", " + key.getModulus().bitLength() + "-bit RSA]";
    }
}
