package org.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownBodyTest {
    @Test
    void rawHtmlInAStatementIsShownNotRendered() {
        MarkdownBody body = MarkdownBody.parse("Solidarity <img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">block</div>");

        assertThat(body.html()).doesNotContain("<img", "<div")
                .contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;div onclick=&quot;x()&quot;&gt;block&lt;/div&gt;");
        assertThat(body.text()).isEqualTo("Solidarity <img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">block</div>");
    }

    @Test
    void scriptAndDataLinksAreNeutralisedInBothParts() {
        MarkdownBody body = MarkdownBody.parse("[donate](javascript:alert(1)) or [this](data:text/html,<b>x</b>)"
                + " or [call us](tel:+85251234567)");

        assertThat(body.html()).doesNotContain("javascript:", "data:")
                .contains("<a rel=\"nofollow\" href=\"\">donate</a>", "href=\"tel:+85251234567\"");
        assertThat(body.text()).isEqualTo("donate or this or call us <tel:+85251234567>");
    }

    @Test
    void imagesBecomeLinksSoNothingLoadsFromElsewhere() {
        MarkdownBody body = MarkdownBody.parse("![Assembly in Victoria Park](https://migrants-alliance.example/p.jpg)");

        assertThat(body.html()).doesNotContain("<img")
                .contains("<a rel=\"nofollow\" href=\"https://migrants-alliance.example/p.jpg\">Assembly in Victoria Park</a>");
        assertThat(body.text()).isEqualTo("Assembly in Victoria Park <https://migrants-alliance.example/p.jpg>");
    }

    @Test
    void plainTextReadsLikeATypedEmail() {
        String markdown = """
                ## Our demands

                On 18 December we say, with one voice, “rights, not raids”.
                Migrants are workers, not commodities.

                1. Scrap the **two-week rule** for domestic workers.
                2. Living wages, and [decent housing](https://migrants-alliance.example/housing)
                   for every worker.

                - Hong Kong
                  - Victoria Park, 14:00
                - Mexico City

                > No one is illegal.
                >
                > End forced migration.

                Write to <media@migrants-alliance.example> or visit <https://migrants-alliance.example>.
                """.replace("No one", "No\u00a0one");

        assertThat(MarkdownBody.parse(markdown).text()).isEqualTo("""
                Our demands

                On 18 December we say, with one voice, “rights, not raids”.
                Migrants are workers, not commodities.

                1. Scrap the two-week rule for domestic workers.
                2. Living wages, and decent housing <https://migrants-alliance.example/housing>
                   for every worker.

                - Hong Kong
                  - Victoria Park, 14:00
                - Mexico City

                > No\u00a0one is illegal.
                >
                > End forced migration.

                Write to <mailto:media@migrants-alliance.example> or visit <https://migrants-alliance.example>.""");
    }

    @Test
    void looseListsKeepABlankLineBetweenItems() {
        MarkdownBody body = MarkdownBody.parse("- First demand.\n\n- Second demand,\n  in two lines.\n");

        assertThat(body.text()).isEqualTo("- First demand.\n\n- Second demand,\n  in two lines.");
    }

    @Test
    void nonBreakingSpacesAndCurlyQuotesSurviveInHtml() {
        MarkdownBody body = MarkdownBody.parse("‘No\u00a0one is illegal’ — “Welcome all migrants”");

        assertThat(body.html()).isEqualTo("<p>‘No\u00a0one is illegal’ — “Welcome all migrants”</p>\n");
    }
}
