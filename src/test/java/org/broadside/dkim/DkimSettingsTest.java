package org.broadside.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.InternetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.broadside.config.ConfigurationException;
import org.broadside.config.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the DKIM key comes from, and every way a DKIM configuration is refused at start. */
class DkimSettingsTest {
    private static KeyPair key;
    private static String pem;

    @TempDir
    Path home;

    private final Map<String, String> environment = new HashMap<>();

    @BeforeAll
    static void generateKey() {
        key = TestKeys.rsa(2048);
        pem = TestKeys.pem(key.getPrivate());
    }

    @Test
    void theKeyComesFromTheEnvironmentVariableAndTheDomainFromTheFromAddress() {
        environment.put("BROADSIDE_DKIM_PRIVATE_KEY", pem);
        environment.put("BROADSIDE_DKIM_SELECTOR", "news2026");

        DkimSettings dkim = load("news@alliance.example").orElseThrow();

        assertThat(dkim.domain()).isEqualTo("alliance.example");
        assertThat(dkim.selector()).isEqualTo("news2026");
        assertThat(dkim.key().getEncoded()).isEqualTo(key.getPrivate().getEncoded());
    }

    @Test
    void aKeyWhoseLineBreaksAreWrittenOutAsBackslashNIsReadToo() {
        environment.put("BROADSIDE_DKIM_PRIVATE_KEY", pem.replace("\n", "\\n"));
        environment.put("BROADSIDE_DKIM_SELECTOR", "news2026");

        assertThat(load("news@alliance.example").orElseThrow().key().getEncoded())
                .isEqualTo(key.getPrivate().getEncoded());
    }

    @Test
    void theKeyFileIsReadRelativeToTheHomeAndAParentDomainSigns() throws Exception {
        Files.writeString(home.resolve("dkim.pem"), pem);
        environment.put("BROADSIDE_DKIM_PRIVATE_KEY_FILE", "dkim.pem");
        environment.put("BROADSIDE_DKIM_SELECTOR", "news2026");
        environment.put("BROADSIDE_DKIM_DOMAIN", "Alliance.Example");

        DkimSettings dkim = load("news@mail.alliance.example").orElseThrow();

        assertThat(dkim.domain()).isEqualTo("alliance.example");
        assertThat(dkim.key().getEncoded()).isEqualTo(key.getPrivate().getEncoded());
    }

    @Test
    void noKeyMeansNoSigning() {
        assertThat(load("news@alliance.example")).isEmpty();
    }

    @Test
    void aSelectorWithoutAKeyIsRefusedRatherThanSendingUnsigned() {
        environment.put("BROADSIDE_DKIM_SELECTOR", "news2026");

        assertThatThrownBy(() -> load("news@alliance.example")).isInstanceOf(ConfigurationException.class)
                .hasMessage("broadside.dkim.selector is set but no DKIM key is: set broadside.dkim.private-key-file or"
                        + " the environment variable BROADSIDE_DKIM_PRIVATE_KEY, or clear broadside.dkim.selector to"
                        + " send unsigned");
    }

    @Test
    void aKeyNeedsASelector() {
        environment.put("BROADSIDE_DKIM_PRIVATE_KEY", pem);

        assertThatThrownBy(() -> load("news@alliance.example")).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("broadside.dkim.selector is not set");
    }

    @Test
    void aSelectorMustBeADnsLabel() {
        environment.put("BROADSIDE_DKIM_PRIVATE_KEY", pem);
        environment.put("BROADSIDE_DKIM_SELECTOR", "news 2026;");

        assertThatThrownBy(() -> load("news@alliance.example")).isInstanceOf(ConfigurationException.class)
                .hasMessage("broadside.dkim.selector must be a DNS label such as 2026 or news-2026, not 'news 2026;'");
    }

    @Test
    void aKeyInTwoPlacesIsRefused() throws Exception {
        Files.writeString(home.resolve("dkim.pem"), pem);
        environment.put("BROADSIDE_DKIM_PRIVATE_KEY", pem);
        environment.put("BROADSIDE_DKIM_PRIVATE_KEY_FILE", "dkim.pem");
        environment.put("BROADSIDE_DKIM_SELECTOR", "news2026");

        assertThatThrownBy(() -> load("news@alliance.example")).isInstanceOf(ConfigurationException.class)
                .hasMessage("set either broadside.dkim.private-key (environment variable BROADSIDE_DKIM_PRIVATE_KEY)"
                        + " or broadside.dkim.private-key-file, not both");
    }

    @Test
    void aDomainThatIsNotTheFromDomainNorAParentOfItIsRefused() {
        environment.put("BROADSIDE_DKIM_PRIVATE_KEY", pem);
        environment.put("BROADSIDE_DKIM_SELECTOR", "news2026");
        environment.put("BROADSIDE_DKIM_DOMAIN", "alliance.example");

        assertThatThrownBy(() -> load("news@notalliance.example")).isInstanceOf(ConfigurationException.class)
                .hasMessage("broadside.dkim.domain 'alliance.example' is neither the domain of broadside.mail.from"
                        + " (notalliance.example) nor a parent of it: receivers would not credit the signature to the"
                        + " sender");
        assertThatThrownBy(() -> load("news@example.org")).hasMessageStartingWith("broadside.dkim.domain");
    }

    @Test
    void aMissingKeyFileIsRefusedWithItsPath() {
        environment.put("BROADSIDE_DKIM_PRIVATE_KEY_FILE", "config/dkim.pem");
        environment.put("BROADSIDE_DKIM_SELECTOR", "news2026");

        assertThatThrownBy(() -> load("news@alliance.example")).isInstanceOf(ConfigurationException.class)
                .hasMessage("broadside.dkim.private-key-file: cannot read " + home.resolve("config/dkim.pem")
                        + " (NoSuchFileException)");
    }

    @Test
    void everyUnusableKeyIsRefusedWithTheReasonAndWithoutQuotingIt() {
        String rsa512 = TestKeys.pem(TestKeys.rsa(512).getPrivate());
        String ec = TestKeys.pem(TestKeys.generate("EC", 256).getPrivate());
        String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n";
        String encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG\n-----END ENCRYPTED PRIVATE KEY-----\n";
        String garbled = pem.replace(pem.substring(100, 110), "!*!*!*!*!*");
        String truncated = pem.substring(0, 200) + "\n-----END PRIVATE KEY-----\n";

        assertRefused(rsa512, "is a 512-bit RSA key; receivers refuse DKIM keys under 1024 bits (RFC 8301):"
                + " generate a 2048-bit one");
        assertRefused(ec, "is not an RSA private key in PKCS#8 form (rsa-sha256 needs RSA)");
        assertRefused(pkcs1, "is a PKCS#1 key (BEGIN RSA PRIVATE KEY); convert it to PKCS#8 with:"
                + " openssl pkcs8 -topk8 -nocrypt -in old.pem -out dkim.pem");
        assertRefused(encrypted, "is encrypted; Broadside needs it unencrypted:"
                + " openssl pkcs8 -topk8 -nocrypt -in encrypted.pem -out dkim.pem");
        assertRefused(garbled, "is not valid base64 between the PEM lines");
        assertRefused(truncated, "is not an RSA private key in PKCS#8 form (rsa-sha256 needs RSA)");
        assertRefused("news2026", "is not a PEM private key (-----BEGIN PRIVATE KEY----- ... -----END PRIVATE KEY-----)");
    }

    @Test
    void theSettingsNeverPrintTheKey() {
        environment.put("BROADSIDE_DKIM_PRIVATE_KEY", pem);
        environment.put("BROADSIDE_DKIM_SELECTOR", "news2026");

        String printed = load("news@alliance.example").orElseThrow().toString();

        assertThat(printed).isEqualTo("DkimSettings[d=alliance.example, s=news2026, 2048-bit RSA]");
    }

    private void assertRefused(String key, String reason) {
        environment.put("BROADSIDE_DKIM_PRIVATE_KEY", key);
        environment.put("BROADSIDE_DKIM_SELECTOR", "news2026");

        assertThatThrownBy(() -> load("news@alliance.example")).isInstanceOf(ConfigurationException.class)
                .hasMessage("broadside.dkim.private-key: the DKIM key " + reason)
                .message().doesNotContain(base64Lines(key));
    }

    /** The key's base64 text, which an error message must never repeat. */
    private static String base64Lines(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").strip();
        return body.isEmpty() ? Base64.getEncoder().encodeToString(new byte[] {1}) : body.lines().findFirst().orElseThrow();
    }

    private Optional<DkimSettings> load(String from) {
        try {
            return DkimSettings.from(Settings.load(home, environment, new Properties()), new InternetAddress(from));
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
