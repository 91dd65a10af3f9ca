package org.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadside.release.SocialRelease;
import org.broadside.social.Network;
import org.broadside.social.Post;
import org.broadside.social.PostThread;
import org.broadside.statement.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "share this" kit of member emails, read back from the bytes a transport would send: the member's language's
 * posts, as social.json has them, with share links percent-encoded; nothing of it in press emails.
 */
class MemberShareKitTest {
    private static final String SPANISH_BODY = "En el Día Internacional del Migrante, la alianza saluda a las "
            + "trabajadoras del hogar, a los jornaleros del campo y a la gente de mar que sostienen economías enteras "
            + "mientras les dicen que no pertenecen. Los gobiernos hablan de «migración ordenada» mientras endurecen "
            + "las visas, recortan salarios y deportan a quienes se organizan. Nadie deja su hogar porque quiere; lo "
            + "deja porque se lo quitaron. Ninguna persona es ilegal.\n";

    private final Session session = Session.getInstance(new java.util.Properties());
    private final Templates templates = new Templates(Path.of("templates"));
    private final AtomicInteger compositions = new AtomicInteger();
    private final SocialRelease social;
    private final EmailComposer composer;

    MemberShareKitTest(@TempDir Path outbox) {
        // compose() reads only the templates, rules and thread lengths; the pinned content and the release store
        // are for writing social.json at release time.
        social = new SocialRelease(null, null, templates, Network.defaultRules(),
                Map.of(Network.X, 4, Network.MASTODON, 4, Network.BLUESKY, 4, Network.THREADS, 4), outbox, null, null,
                java.util.Set.of());
        composer = new EmailComposer(templates, session,
                MailIdentity.parse("IMA Media Desk <news@migrants-alliance.example>", "press@migrants-alliance.example"),
                new ShareKit(version -> {
                    compositions.incrementAndGet();
                    return social.compose(List.of(version));
                }));
    }

    @Test
    void aSpanishMemberGetsTheSpanishPostsOfEveryNetwork() throws Exception {
        Statement spanish = spanish();
        List<PostThread> threads = social.compose(List.of(spanish));

        Received email = send(request(spanish, Format.MEMBER));

        assertThat(threads).extracting(PostThread::network).containsExactly(Network.values());
        assertThat(threads.get(Network.X.ordinal()).posts()).as("X gets a thread").hasSizeGreaterThan(1);
        assertThat(email.text()).contains("SHARE THIS STATEMENT", "== X ==", "== Mastodon ==", "== Bluesky ==",
                "== Threads ==", "== LinkedIn ==", "== Facebook ==");
        assertThat(email.html()).contains("Share this statement", "<h3 style=\"margin:20px 0 6px; font-size:16px;\">X</h3>",
                "Facebook</h3>");
        for (PostThread thread : threads) {
            for (Post post : thread.posts()) {
                assertThat(email.text()).contains(post.text());
                for (String line : post.text().split("\n")) {
                    assertThat(email.html()).contains(htmlEscaped(line));
                }
            }
        }
        assertThat(email.text() + email.html()).as("no English post")
                .doesNotContain("On International Migrants Day, the alliance salutes");
    }

    @Test
    void shareLinksCarryTheFirstPostPercentEncoded() throws Exception {
        Statement spanish = spanish();
        List<PostThread> threads = social.compose(List.of(spanish));

        Received email = send(request(spanish, Format.MEMBER));

        String bluesky = email.href("https://bsky.app/intent/compose?text=");
        assertThat(bluesky).startsWith("https://bsky.app/intent/compose?text=En%20el%20D%C3%ADa%20Internacional%20")
                .doesNotContain(" ", "+", "\n", "«");
        assertThat(decodedText(bluesky)).isEqualTo(threads.get(Network.BLUESKY.ordinal()).posts().get(0).text());
        List<Post> x = threads.get(Network.X.ordinal()).posts();
        assertThat(decodedText(email.href("https://x.com/intent/tweet?text=")))
                .isEqualTo(x.get(0).text()).endsWith(" 1/" + x.size());
        assertThat(decodedText(email.href("https://www.threads.net/intent/post?text=")))
                .isEqualTo(threads.get(Network.THREADS.ordinal()).posts().get(0).text());
        assertThat(email.text()).contains("Open Bluesky with the first post filled in: " + bluesky);
        assertThat(email.html()).contains("Post on X", "Post on Bluesky", "Post on Threads")
                .doesNotContain("Post on Mastodon", "Post on LinkedIn", "Post on Facebook");
    }

    @Test
    void thePressEmailCarriesNoShareKit() throws Exception {
        Received email = send(request(spanish(), Format.PRESS));

        assertThat(email.text() + email.html()).contains("FOR IMMEDIATE RELEASE")
                .doesNotContain("SHARE THIS", "Share this", "== X ==", "intent", " 1/3", "#MigrantsDay");
        assertThat(compositions).as("not even composed for the press").hasValue(0);
    }

    @Test
    void eachVersionIsComposedOnceHoweverManyMembersGetIt() throws Exception {
        for (int member = 0; member < 25; member++) {
            composer.render(request(spanish(), Format.MEMBER));
            composer.render(request(SampleStatements.english(), Format.MEMBER));
        }

        assertThat(compositions).hasValue(2);
    }

    private static Statement spanish() {
        return SampleStatements.translation("es", "Nuestro trabajo construyó estas ciudades", SPANISH_BODY);
    }

    private static EmailRequest request(Statement version, Format format) {
        return new EmailRequest(version, SampleStatements.member(version.language()), format, Optional.empty(),
                "md2026.es.1@broadside.example", "https://broadside.example/u/token",
                "mailto:unsubscribe@broadside.example", Instant.parse("2026-12-18T01:00:00Z"));
    }

    private static String decodedText(String intentUrl) {
        return URLDecoder.decode(intentUrl.substring(intentUrl.indexOf("?text=") + 6), StandardCharsets.UTF_8);
    }

    private static String htmlEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** Composes, writes the bytes a transport would send, and parses them back as a receiving client would. */
    private Received send(EmailRequest request) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        composer.compose(request).writeTo(bytes);
        MimeMultipart parts = (MimeMultipart) new MimeMessage(session, new ByteArrayInputStream(bytes.toByteArray()))
                .getContent();
        return new Received(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"),
                ((String) parts.getBodyPart(1).getContent()).replace("\r\n", "\n"));
    }

    private record Received(String text, String html) {
        /** The one href of the HTML part that starts with {@code prefix}. */
        String href(String prefix) {
            int start = html.indexOf("href=\"" + prefix);
            assertThat(start).as("a link to " + prefix).isNotNegative();
            assertThat(html.indexOf("href=\"" + prefix, start + 1)).as("one link to " + prefix).isNegative();
            start += "href=\"".length();
            return html.substring(start, html.indexOf('"', start));
        }
    }
}
