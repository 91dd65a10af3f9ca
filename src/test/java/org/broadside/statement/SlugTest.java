package org.broadside.statement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugTest {

    @Test
    void lowerCasesStripsAccentsAndHyphenatesEverythingElse() {
        assertThat(Slug.of("¡Alto a la migración forzada! — Día Internacional del Migrante 2026"))
                .isEqualTo("alto-a-la-migracion-forzada-dia-internacional-del-migrante-2026");
        assertThat(Slug.of("  “No one is illegal”  ")).isEqualTo("no-one-is-illegal");
    }

    @Test
    void isEmptyWhenTheTitleHasNoLatinLettersOrDigits() {
        assertThat(Slug.of("اليوم الدولي للمهاجرين")).isEmpty();
        assertThat(Slug.of("移工")).isEmpty();
    }

    @Test
    void cutsALongSlugAtAWordBoundary() {
        String slug = Slug.of("word ".repeat(30));

        assertThat(slug).hasSizeLessThanOrEqualTo(Slug.MAX_LENGTH).doesNotEndWith("-").endsWith("word");
        assertThat(Slug.of("a".repeat(79) + " bc")).isEqualTo("a".repeat(79));
        assertThat(Slug.of("a".repeat(80) + " bc")).isEqualTo("a".repeat(80));
    }

    @Test
    void cutsASingleLongWordWhereItMust() {
        assertThat(Slug.of("x".repeat(100))).isEqualTo("x".repeat(80));
    }
}
