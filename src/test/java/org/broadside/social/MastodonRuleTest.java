package org.broadside.social;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MastodonRuleTest {
    private final MastodonRule rule = new MastodonRule();

    @Test
    void everyUrlWithASchemeCountsTwentyThree() {
        assertThat(rule.length("Read https://example.org")).isEqualTo(5 + 23);
        assertThat(rule.length("Read https://broadside.example.org/statements/2025/international-migrants-day-full-text"))
                .isEqualTo(5 + 23);
    }

    @Test
    void aDomainWithoutSchemeCountsInFull() {
        assertThat(rule.length("broadside.example.org")).isEqualTo(21);
    }

    @Test
    void aRemoteMentionCountsOnlyTheUser() {
        assertThat(rule.length("Thanks @ana@social.example.org!")).isEqualTo("Thanks @ana!".length());
        assertThat(rule.length("Thanks @ana!")).isEqualTo(12);
    }

    @Test
    void aMentionInsideAUrlIsPartOfTheUrl() {
        assertThat(rule.length("Follow https://social.example.org/@ana")).isEqualTo(7 + 23);
    }

    @Test
    void countsGraphemeClustersAsTheServerDoes() {
        assertThat(rule.length("Families 👩‍👩‍👧‍👦")).isEqualTo(10);
        assertThat(rule.length("नमस्ते")).isEqualTo(3);
    }

    @Test
    void theLimitIsTheInstancesChoice() {
        assertThat(rule.limit()).isEqualTo(500);
        assertThat(new MastodonRule(1000).fits("a".repeat(1000))).isTrue();
        assertThat(new MastodonRule(1000).fits("a".repeat(1001))).isFalse();
        assertThatThrownBy(() -> new MastodonRule(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
