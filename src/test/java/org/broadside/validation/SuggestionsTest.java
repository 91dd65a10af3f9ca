package org.broadside.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> KEYS = List.of("id", "title", "subtitle", "kind", "language", "date",
            "release", "release_zone", "press_embargo", "audiences", "contact", "hashtags", "link", "summary",
            "translation_of");

    @Test
    void suggestsANameWithinTwoEditsIgnoringCase() {
        assertThat(Suggestions.closest("titel", KEYS)).contains("title");
        assertThat(Suggestions.closest("Language", KEYS)).contains("language");
        assertThat(Suggestions.closest("release-zone", KEYS)).contains("release_zone");
        assertThat(Suggestions.closest("hashtag", KEYS)).contains("hashtags");
        assertThat(Suggestions.closest("europe/berlin", Set.of("Europe/Berlin", "Europe/Paris")))
                .contains("Europe/Berlin");
    }

    @Test
    void suggestsNothingWhenNoNameIsClose() {
        assertThat(Suggestions.closest("colour", KEYS)).isEmpty();
        assertThat(Suggestions.closest("embargo", KEYS)).isEmpty();
    }

    @Test
    void allowsAVeryShortNameFewerEditsSoThatItDoesNotResembleEveryShortName() {
        assertThat(Suggestions.closest("x", KEYS)).isEmpty();
        assertThat(Suggestions.closest("ix", KEYS)).contains("id");
    }

    @Test
    void breaksATieAlphabeticallyWhateverTheOrderOfTheCandidates() {
        assertThat(Suggestions.closest("cat", List.of("hat", "bat"))).contains("bat");
        assertThat(Suggestions.closest("cat", List.of("bat", "hat"))).contains("bat");
    }

    @Test
    void phrasesTheSuggestionForAMessage() {
        assertThat("unknown column 'emial'" + Suggestions.didYouMean("emial", List.of("email", "country")))
                .isEqualTo("unknown column 'emial' (did you mean 'email'?)");
        assertThat(Suggestions.didYouMean("colour", KEYS)).isEmpty();
    }

    @Test
    void countsEditsAsLevenshteinDoesWithASwapOfNeighboursAsOne() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "id")).isEqualTo(2);
        assertThat(Suggestions.distance("date", "date")).isZero();
        assertThat(Suggestions.distance("emial", "email")).isEqualTo(1);
    }
}
