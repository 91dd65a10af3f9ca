package org.broadside.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.broadside.config.ConfigurationException;
import org.broadside.security.SignedTokens;
import org.junit.jupiter.api.Test;

/** VERP envelope senders: one per delivery, signed, and read back from the address a bounce came to. */
class BounceAddressesTest {
    private final SignedTokens tokens =
            new SignedTokens("a key of at least thirty-two bytes!!".getBytes(StandardCharsets.UTF_8));
    private final BounceAddresses verp = new BounceAddresses(tokens, "Bounces@Alliance.example");

    @Test
    void theEnvelopeSenderCarriesTheDeliveryAndFitsALocalPart() {
        String sender = verp.envelopeSender(1234).orElseThrow();

        assertThat(sender).matches("bounces\\+1234-[a-z2-7]{16}@alliance\\.example");
        assertThat(sender.substring(0, sender.indexOf('@'))).hasSizeLessThanOrEqualTo(64);
        assertThat(verp.deliveryOf(sender)).contains(1234L);
    }

    @Test
    void aServerThatFoldsTheCaseStillFindsTheDelivery() {
        String sender = verp.envelopeSender(1234).orElseThrow();

        assertThat(verp.deliveryOf(sender.toUpperCase(Locale.ROOT))).contains(1234L);
        assertThat(verp.deliveryOf(" " + sender + " ")).contains(1234L);
    }

    @Test
    void aForgedOrAlteredTokenOrAnotherAddressFindsNoDelivery() {
        String sender = verp.envelopeSender(1234).orElseThrow();
        String mac = sender.substring(sender.indexOf('-') + 1, sender.indexOf('@'));

        assertThat(verp.deliveryOf("bounces+1235-" + mac + "@alliance.example")).as("another delivery's id").isEmpty();
        assertThat(verp.deliveryOf(sender.replace(mac, new StringBuilder(mac).reverse())))
                .as("another MAC").isEmpty();
        assertThat(verp.deliveryOf(sender.replace("@alliance.example", "@elsewhere.example"))).isEmpty();
        assertThat(verp.deliveryOf(sender.replace("bounces+", "news+"))).isEmpty();
        assertThat(verp.deliveryOf("bounces@alliance.example")).isEmpty();
        assertThat(verp.deliveryOf("bounces+@alliance.example")).isEmpty();
        assertThat(verp.deliveryOf(new BounceAddresses(
                new SignedTokens("another key of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8)),
                "bounces@alliance.example").envelopeSender(1234).orElseThrow())).as("another key").isEmpty();
        String unsubscribeToken = tokens.signCaseless("unsubscribe", "1234");
        assertThat(verp.deliveryOf("bounces+" + unsubscribeToken + "@alliance.example")).as("another purpose").isEmpty();
    }

    @Test
    void withoutABounceAddressTheEnvelopeSenderIsLeftAlone() {
        BounceAddresses off = new BounceAddresses(tokens, "");

        assertThat(off.enabled()).isFalse();
        assertThat(off.envelopeSender(1234)).isEmpty();
        assertThat(off.deliveryOf(verp.envelopeSender(1234).orElseThrow())).isEmpty();
    }

    @Test
    void anAddressThatCannotCarryATokenIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new BounceAddresses(tokens, "bounces+news@alliance.example"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("broadside.bounce.address").hasMessageContaining("without '+'");
        assertThatThrownBy(() -> new BounceAddresses(tokens, "Bounces <bounces@alliance.example>"))
                .hasMessageContaining("broadside.bounce.address must be an address");
        assertThatThrownBy(() -> new BounceAddresses(tokens, "alliance.example"))
                .hasMessageContaining("broadside.bounce.address must be an address");
        assertThatThrownBy(() -> new BounceAddresses(tokens, "returned-mail-of-the-migrants-day-release@alliance.example"))
                .hasMessageContaining("broadside.bounce.address").hasMessageContaining("at most 34 characters");
    }
}
