package org.broadside.social.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TidTest {

    @Test
    void theSameKeyAlwaysGivesTheSameTid() {
        String key = "release-42/bluesky/fr/1";

        assertThat(Tid.derivedFrom(key)).isEqualTo(Tid.derivedFrom(key));
        assertThat(Tid.derivedFrom(key).toString()).isEqualTo(Tid.derivedFrom(new String(key)).toString());
    }

    @Test
    void differentKeysGiveDifferentTids() {
        Set<String> tids = new HashSet<>();
        for (int release = 0; release < 200; release++) {
            for (int number = 1; number <= 50; number++) {
                tids.add(Tid.derivedFrom("release-" + release + "/bluesky/en/" + number).toString());
            }
        }

        assertThat(tids).hasSize(200 * 50);
        assertThat(Tid.derivedFrom("r/bluesky/en/1")).isNotEqualTo(Tid.derivedFrom("r/bluesky/en/2"));
    }

    @Test
    void everyDerivedTidIsValidAsTheSpecDefinesIt() {
        for (int i = 0; i < 10_000; i++) {
            String tid = Tid.derivedFrom("key-" + i).toString();

            assertThat(tid).hasSize(13).matches("[234567abcdefghijklmnopqrstuvwxyz]{13}");
            assertThat(Tid.isValid(tid)).as(tid).isTrue();
            // The top bit of the 64-bit integer is 0: the first digit, holding the top four bits, is below 8.
            assertThat("234567ab").as(tid).contains(tid.substring(0, 1));
        }
    }

    @Test
    void theTimestampIsAPastMomentAsAnyClientsWouldBe() {
        for (int i = 0; i < 1000; i++) {
            Instant timestamp = Tid.derivedFrom("key-" + i).timestamp();

            assertThat(timestamp)
                    .isBetween(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-02-13T00:00:00Z"));
        }
    }

    @Test
    void validationFollowsTheSpecsExamples() {
        assertThat(Tid.isValid("3jzfcijpj2z2a")).isTrue();
        assertThat(Tid.isValid("7777777777777")).isTrue();
        assertThat(Tid.isValid("3zzzzzzzzzzzz")).isTrue();
        assertThat(Tid.isValid("2222222222222")).isTrue();

        assertThat(Tid.isValid("3jzfcijpj2z21")).as("1 is not base32-sortable").isFalse();
        assertThat(Tid.isValid("3JZFCIJPJ2Z2A")).as("case-sensitive").isFalse();
        assertThat(Tid.isValid("3jzfcijpj2z2aa")).as("too long").isFalse();
        assertThat(Tid.isValid("3jzfcijpj2z2")).as("too short").isFalse();
        assertThat(Tid.isValid("3jzf-cij-pj2z-2a")).as("legacy dashes").isFalse();
        assertThat(Tid.isValid("zzzzzzzzzzzzz")).as("high bit set").isFalse();
        assertThat(Tid.isValid("kjzfcijpj2z2a")).as("high bit set").isFalse();
    }
}
