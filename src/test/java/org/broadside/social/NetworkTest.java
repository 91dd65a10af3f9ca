package org.broadside.social;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkTest {

    @Test
    void keysAreLowerCaseNames() {
        assertThat(Network.values()).extracting(Network::key)
                .containsExactly("x", "mastodon", "bluesky", "threads", "linkedin", "facebook");
    }

    @Test
    void defaultLimitsAreThoseTheNetworksPublish() {
        assertThat(Network.defaultRules()).hasSize(6);
        assertThat(Network.X.defaultRule().limit()).isEqualTo(280);
        assertThat(Network.MASTODON.defaultRule().limit()).isEqualTo(500);
        assertThat(Network.BLUESKY.defaultRule().limit()).isEqualTo(300);
        assertThat(Network.THREADS.defaultRule().limit()).isEqualTo(500);
        assertThat(Network.LINKEDIN.defaultRule().limit()).isEqualTo(3000);
        assertThat(Network.FACEBOOK.defaultRule().limit()).isEqualTo(63206);
    }

    @Test
    void plainCharacterLimitsCountUtf16UnitsSoAnEmojiIsTwo() {
        LengthRule linkedIn = Network.LINKEDIN.defaultRule();
        assertThat(linkedIn.length("Solidarity 👋")).isEqualTo(13);
        assertThat(linkedIn.describe()).isEqualTo("3000 characters");
    }
}
