package org.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParsedBodiesTest {
    private final ParsedBodies bodies = new ParsedBodies();

    @Test
    void aVersionIsParsedOnceAndDifferentBodiesNeverShareAParse() {
        MarkdownBody english = bodies.of(SampleStatements.english());

        assertThat(bodies.of(SampleStatements.english())).isSameAs(english);
        assertThat(bodies.of(SampleStatements.spanish()).text()).isNotEqualTo(english.text());
    }
}
