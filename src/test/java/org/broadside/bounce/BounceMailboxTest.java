package org.broadside.bounce;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.broadside.config.ConfigurationException;
import org.broadside.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounce mailbox settings are checked at start, and a mistake names its setting. */
class BounceMailboxTest {
    @TempDir
    Path home;
    private final Map<String, String> environment = new HashMap<>(Map.of(
            "BROADSIDE_BOUNCE_ADDRESS", "bounces@alliance.example",
            "BROADSIDE_BOUNCE_USERNAME", "bounces",
            "BROADSIDE_BOUNCE_PASSWORD", "correct horse battery staple"));

    @Test
    void noMailboxNeedsNothingElse() {
        environment.clear();
        assertThatCode(this::check).doesNotThrowAnyException();
    }

    @Test
    void anEncryptedMailboxOrAPlainOneOnThisMachineIsAccepted() {
        for (String url : new String[] {"imaps://imap.alliance.example", "pop3s://pop.alliance.example:995",
                "imap://127.0.0.1:1143", "pop3://localhost:1110/"}) {
            environment.put("BROADSIDE_BOUNCE_MAILBOX_URL", url);
            assertThatCode(this::check).as(url).doesNotThrowAnyException();
        }
    }

    @Test
    void aMailboxUrlThatIsNotImapOrPop3IsRefused() {
        environment.put("BROADSIDE_BOUNCE_MAILBOX_URL", "https://mail.alliance.example");
        assertThatThrownBy(this::check).isInstanceOf(ConfigurationException.class)
                .hasMessage("broadside.bounce.mailbox-url must be an imaps:// or pop3s:// URL such as "
                        + "imaps://imap.alliance.example, not 'https://mail.alliance.example'");
        environment.put("BROADSIDE_BOUNCE_MAILBOX_URL", "imap.alliance.example");
        assertThatThrownBy(this::check).hasMessageStartingWith("broadside.bounce.mailbox-url must be");
    }

    @Test
    void aPlainMailboxElsewhereIsRefusedSinceThePasswordWouldTravelInClearText() {
        environment.put("BROADSIDE_BOUNCE_MAILBOX_URL", "imap://imap.alliance.example");
        assertThatThrownBy(this::check).hasMessageContaining("broadside.bounce.mailbox-url")
                .hasMessageContaining("clear text").hasMessageContaining("imaps://");
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutBeingRepeated() {
        environment.put("BROADSIDE_BOUNCE_MAILBOX_URL", "imaps://bounces:hunter2@imap.alliance.example");
        assertThatThrownBy(this::check).hasMessageContaining("broadside.bounce.mailbox-url holds only")
                .hasMessageNotContaining("hunter2");
        environment.put("BROADSIDE_BOUNCE_MAILBOX_URL", "imaps://bounces:hun ter2@imap.alliance.example");
        assertThatThrownBy(this::check).hasMessageContaining("broadside.bounce.mailbox-url")
                .hasMessageNotContaining("hun ter2");
    }

    @Test
    void aMailboxNeedsTheBounceAddressAndItsCredentials() {
        environment.put("BROADSIDE_BOUNCE_MAILBOX_URL", "imaps://imap.alliance.example");
        environment.remove("BROADSIDE_BOUNCE_ADDRESS");
        assertThatThrownBy(this::check).hasMessageStartingWith("broadside.bounce.address must be set when");
        environment.put("BROADSIDE_BOUNCE_ADDRESS", "bounces@alliance.example");
        environment.remove("BROADSIDE_BOUNCE_PASSWORD");
        assertThatThrownBy(this::check).hasMessageContaining("broadside.bounce.password is not set")
                .hasMessageContaining("BROADSIDE_BOUNCE_PASSWORD");
    }

    private void check() {
        BounceMailbox.check(Settings.load(home, environment, new Properties()));
    }
}
