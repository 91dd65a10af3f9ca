package org.broadside.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggesterTest {
    private static final List<String> KEYS = StatementParser.KEYS;

    @Test
    void suggestsAKeyWithinTwoEditsIgnoringCase() {
        assertThat(KeySuggester.closest("titel", KEYS)).contains("title");
        assertThat(KeySuggester.closest("Language", KEYS)).contains("language");
        assertThat(KeySuggester.closest("release-zone", KEYS)).contains("release_zone");
        assertThat(KeySuggester.closest("hashtag", KEYS)).contains("hashtags");
    }

    @Test
    void suggestsNothingWhenNoKeyIsClose() {
        assertThat(KeySuggester.closest("colour", KEYS)).isEmpty();
        assertThat(KeySuggester.closest("embargo", KEYS)).isEmpty();
    }

    @Test
    void countsEditsAsLevenshteinDoes() {
        assertThat(KeySuggester.levenshtein("kitten", "sitting")).isEqualTo(3);
        assertThat(KeySuggester.levenshtein("", "id")).isEqualTo(2);
        assertThat(KeySuggester.levenshtein("date", "date")).isZero();
    }
}
