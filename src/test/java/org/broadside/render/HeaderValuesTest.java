package org.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderValuesTest {
    @ParameterizedTest
    @ValueSource(strings = {"a@b", "bench-migrants-day.42.email@broadside.example", "x+y.z@[127.0.0.1]"})
    void aMessageIdIsOneLocalPartAtOneDomain(String id) {
        assertThat(HeaderValues.messageId(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "@", "no-at-sign", "@domain", "local@", "a@b@c", "<a@b>", "a b@c", "a@b c", "a\t@b",
            "a@b\u000b", "a@\fb", "a>@b"})
    void anythingElseIsRefusedNamingTheHeader(String id) {
        assertThatThrownBy(() -> HeaderValues.messageId(id))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Message-ID header: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://members.example/u/abc.def", "HTTPS://members.example/u?t=1&x=2"})
    void anUnsubscribeUrlHasTheSchemeAndNothingThatEndsItInTheHeader(String url) {
        assertThat(HeaderValues.unsubscribeUri("https", url)).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http://members.example/u", "mailto:u@x", "https://a.example/u,v",
            "https://a.example/<u>", "https://a.example/ u", "https://a.example/\u000bu", " https://a.example/u"})
    void anUnsubscribeUrlThatWouldBreakTheHeaderIsRefused(String url) {
        assertThatThrownBy(() -> HeaderValues.unsubscribeUri("https", url))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("List-Unsubscribe header: ");
    }
}
