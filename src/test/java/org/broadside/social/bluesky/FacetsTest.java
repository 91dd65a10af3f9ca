package org.broadside.social.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FacetsTest {

    /** The text a facet covers, read back from the UTF-8 bytes the way Bluesky's app reads it. */
    static String slice(String text, Facet facet) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new String(Arrays.copyOfRange(bytes, facet.byteStart(), facet.byteEnd()), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "👨‍👩‍👧‍👦 🇸🇳 👍🏽 ",
            "اليوم الدولي للمهاجرين: ",
            "国际移民日，我们与移工站在一起。",
            "नमस्ते दुनिया, प्रवासी श्रमिक ",
            "👨‍👩‍👧‍👦 اليوم 移工 नमस्ते "})
    void byteOffsetsSliceBackToExactlyTheLinkAndTheTag(String before) {
        String text = before + "Read https://migrantsalliance.org/s/2026-12-18?lang=fr now #MigrantsDay";

        List<Facet> facets = Facets.of(text);

        assertThat(facets).extracting(Facet::kind).containsExactly(Facet.Kind.LINK, Facet.Kind.TAG);
        assertThat(slice(text, facets.get(0))).isEqualTo("https://migrantsalliance.org/s/2026-12-18?lang=fr");
        assertThat(facets.get(0).value()).isEqualTo("https://migrantsalliance.org/s/2026-12-18?lang=fr");
        assertThat(slice(text, facets.get(1))).isEqualTo("#MigrantsDay");
        assertThat(facets.get(1).value()).isEqualTo("MigrantsDay");
    }

    @Test
    void hashtagsInNonLatinScriptsAreWhole() {
        String text = "نحن معكم #اليوم_الدولي_للمهاجرين و #移工 و #प्रवासी_श्रमिक";

        List<Facet> facets = Facets.of(text);

        assertThat(facets).extracting(Facet::value)
                .containsExactly("اليوم_الدولي_للمهاجرين", "移工", "प्रवासी_श्रमिक");
        assertThat(facets).extracting(facet -> slice(text, facet))
                .containsExactly("#اليوم_الدولي_للمهاجرين", "#移工", "#प्रवासी_श्रमिक");
    }

    @Test
    void aLinkWithoutSchemeLinksToHttps() {
        String text = "Details: migrantsalliance.org/statement";

        List<Facet> facets = Facets.of(text);

        assertThat(facets).singleElement().satisfies(facet -> {
            assertThat(slice(text, facet)).isEqualTo("migrantsalliance.org/statement");
            assertThat(facet.value()).isEqualTo("https://migrantsalliance.org/statement");
        });
    }

    @Test
    void aUrlFragmentIsPartOfTheLinkNotATag() {
        String text = "See https://migrantsalliance.org/page#section";

        assertThat(Facets.of(text)).singleElement().extracting(Facet::kind).isEqualTo(Facet.Kind.LINK);
    }

    @Test
    void aTagLongerThanTheLexiconAllowsIsNotMadeAFacet() {
        String tooLong = "#" + "a".repeat(65);

        assertThat(Facets.of("ok #short and " + tooLong)).extracting(Facet::value).containsExactly("short");
    }

    @Test
    void plainTextHasNoFacets() {
        assertThat(Facets.of("Nothing to link here.")).isEmpty();
    }
}
