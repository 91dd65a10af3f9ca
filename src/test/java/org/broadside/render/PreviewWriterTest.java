package org.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewWriterTest {
    private static final ZoneId MANILA = ZoneId.of("Asia/Manila");

    private final EmailComposer composer = new EmailComposer(new Templates(Path.of("templates")),
            Session.getInstance(new Properties()), MailIdentity.parse("news@broadside.example", "press@broadside.example"));
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-17T00:00:00Z"), MANILA);
    private final PreviewWriter preview = new PreviewWriter(composer, MANILA, clock, Optional.empty());

    @TempDir
    Path out;

    @Test
    void writesFourFilesPerLanguageVersion() throws Exception {
        List<Path> written = preview.write(
                List.of(SampleStatements.english(), SampleStatements.spanish(), SampleStatements.arabic()), out);

        assertThat(written).extracting(path -> path.getFileName().toString()).containsExactly(
                "member-en.html", "member-en.txt", "press-en.html", "press-en.txt",
                "member-es.html", "member-es.txt", "press-es.html", "press-es.txt",
                "member-ar.html", "member-ar.txt", "press-ar.html", "press-ar.txt");
        assertThat(Files.readString(out.resolve("member-ar.html"))).contains("dir=\"rtl\"");
        assertThat(Files.readString(out.resolve("press-es.txt"))).startsWith("FOR IMMEDIATE RELEASE")
                .contains("18 de diciembre de 2026");
    }

    @Test
    void thePreviewIsWhatTheComposerSends() throws Exception {
        preview.write(List.of(SampleStatements.english()), out);

        assertThat(Files.readString(out.resolve("member-en.txt")))
                .contains("Dear Sample Member Organization,", SampleStatements.TITLE, "No\u00a0one is illegal.");
        assertThat(Files.readString(out.resolve("member-en.html")))
                .contains("<html lang=\"en\" dir=\"ltr\">", "<li>march from the border in Tijuana;</li>");
    }

    @Test
    void anEmbargoedPressReleaseIsPreviewedWithItsEmbargoInThePreviewZone() throws Exception {
        new PreviewWriter(composer, MANILA, clock, Optional.of(Instant.parse("2026-12-18T01:00:00Z")))
                .write(List.of(SampleStatements.pressRelease()), out);

        assertThat(Files.readString(out.resolve("press-en.txt")))
                .startsWith("EMBARGOED UNTIL 18 December 2026, 09:00 PST (UTC+08:00)\n");
        assertThat(Files.readString(out.resolve("member-en.txt"))).contains("FOR IMMEDIATE RELEASE");
    }
}
