package org.broadside.social.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.broadside.config.ConfigurationException;
import org.broadside.config.Settings;
import org.broadside.social.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlueskySettingsTest {
    private static final Map<String, String> PASSWORD = Map.of("BROADSIDE_BLUESKY_APP_PASSWORD", "abcd-efgh-ijkl-mnop");

    @TempDir
    Path home;

    private Settings settings(Map<String, String> environment) {
        return Settings.load(home, environment, new Properties());
    }

    @Test
    void withoutAHandleNothingIsPostedToBluesky() {
        assertThat(BlueskySettings.from(settings(Map.of()))).isEmpty();
        assertThat(BlueskyAccount.from(settings(Map.of()), Clock.systemUTC())).isEmpty();
    }

    @Test
    void aHandleAndAnAppPasswordMakeTheAccountOnBskySocial() {
        Map<String, String> environment = Map.of("BROADSIDE_BLUESKY_HANDLE", "alliance.bsky.social",
                "BROADSIDE_BLUESKY_APP_PASSWORD", "abcd-efgh-ijkl-mnop");

        assertThat(BlueskySettings.from(settings(environment))).contains(
                new BlueskySettings("https://bsky.social", "alliance.bsky.social", "abcd-efgh-ijkl-mnop"));
        assertThat(BlueskyAccount.from(settings(environment), Clock.systemUTC()))
                .hasValueSatisfying(account -> assertThat(account.network()).isEqualTo(Network.BLUESKY));
    }

    @Test
    void aHandleWithoutThePasswordNamesTheVariable() {
        Map<String, String> environment = Map.of("BROADSIDE_BLUESKY_HANDLE", "alliance.bsky.social");

        assertThatThrownBy(() -> BlueskySettings.from(settings(environment)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("broadside.bluesky.handle is set but the environment variable"
                        + " BROADSIDE_BLUESKY_APP_PASSWORD is not");
    }

    @Test
    void aPasswordWithoutAHandleNamesTheSetting() {
        assertThatThrownBy(() -> BlueskySettings.from(settings(PASSWORD)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("BROADSIDE_BLUESKY_APP_PASSWORD is set but broadside.bluesky.handle is not");
    }

    @Test
    void thePasswordVariableIsTheEnvironmentNameOfItsSetting() {
        assertThat(Settings.environmentName(BlueskySettings.PASSWORD)).isEqualTo(BlueskySettings.PASSWORD_VARIABLE);
    }

    @Test
    void theServiceMustBeHttpsExceptOnThisMachine() {
        Map<String, String> plain = Map.of("BROADSIDE_BLUESKY_HANDLE", "alliance.example",
                "BROADSIDE_BLUESKY_SERVICE", "http://pds.alliance.example", "BROADSIDE_BLUESKY_APP_PASSWORD", "abcd");
        Map<String, String> local = Map.of("BROADSIDE_BLUESKY_HANDLE", "alliance.example",
                "BROADSIDE_BLUESKY_SERVICE", "http://127.0.0.1:2583/", "BROADSIDE_BLUESKY_APP_PASSWORD", "abcd");

        assertThatThrownBy(() -> BlueskySettings.from(settings(plain)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("broadside.bluesky.service must be the https URL of a Bluesky PDS such as"
                        + " https://bsky.social (http only on this machine), not 'http://pds.alliance.example'");
        assertThat(BlueskySettings.from(settings(local))).hasValueSatisfying(
                account -> assertThat(account.service()).isEqualTo("http://127.0.0.1:2583"));
    }

    @Test
    void thePasswordIsNotPrinted() {
        BlueskySettings account =
                new BlueskySettings("https://bsky.social", "alliance.bsky.social", "abcd-efgh-ijkl-mnop");

        assertThat(account.toString()).isEqualTo("BlueskySettings[alliance.bsky.social at https://bsky.social]");
    }
}
