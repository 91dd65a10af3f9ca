package org.broadside.social;

import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * twitter-text's own conformance cases for weighted length (its {@code validate.yml}), measured by Broadside's X
 * rule: the length it reports and whether it lets the text through must be what X says.
 */
class XRuleConformanceTest {
    private static final String CASES = "/twitter-text/validate-weighted-length.yml";
    private static final List<String> SECTIONS =
            List.of("WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest");

    private final XRule rule = new XRule();

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void measuresAsXDoes(String section, String description, String text, Map<String, Object> expected) {
        assertThat(rule.length(text)).as("weightedLength").isEqualTo(expected.get("weightedLength"));
        assertThat(rule.fits(text)).as("valid").isEqualTo(expected.get("valid"));
    }

    /**
     * The file was copied by hand, invisible characters and all. Every other field of a case (the ranges count
     * UTF-16 units) must also match the library, or the text is not the one the case was written for.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void theCopiedCaseIsTheOneTwitterTextWasTestedWith(String section, String description, String text,
                                                        Map<String, Object> expected) {
        TwitterTextParseResults parsed = TwitterTextParser.parseTweet(text);

        assertThat(parsed.permillage).as("permillage").isEqualTo(expected.get("permillage"));
        assertThat(parsed.displayTextRange.start).as("displayRangeStart").isEqualTo(expected.get("displayRangeStart"));
        assertThat(parsed.displayTextRange.end).as("displayRangeEnd").isEqualTo(expected.get("displayRangeEnd"));
        assertThat(parsed.validTextRange.start).as("validRangeStart").isEqualTo(expected.get("validRangeStart"));
        assertThat(parsed.validTextRange.end).as("validRangeEnd").isEqualTo(expected.get("validRangeEnd"));
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() {
        Map<String, Object> tests = (Map<String, Object>) load().get("tests");
        assertThat(tests).containsOnlyKeys(SECTIONS);
        return SECTIONS.stream().flatMap(section -> ((List<Map<String, Object>>) tests.get(section)).stream()
                .map(testCase -> Arguments.of(section, testCase.get("description"), testCase.get("text"),
                        testCase.get("expected"))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in = XRuleConformanceTest.class.getResourceAsStream(CASES)) {
            return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
