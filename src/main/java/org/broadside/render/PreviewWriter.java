package org.broadside.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.broadside.audience.Contact;
import org.broadside.statement.Statement;

/**
 * Writes what each language version will look like, for {@code broadside preview ID --out DIR}:
 * {@code member-<lang>.html}, {@code member-<lang>.txt}, {@code press-<lang>.html} and
 * {@code press-<lang>.txt}. It goes through {@link EmailComposer#render}, the path every sent email
 * takes, with a sample member and a sample journalist, so what an operator previews is what is sent.
 */
public final class PreviewWriter {
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z0-9-]+");
    private static final String UNSUBSCRIBE_URL = "https://unsubscribe.invalid/preview";
    private static final String UNSUBSCRIBE_MAILTO = "mailto:unsubscribe@unsubscribe.invalid";

    private final EmailComposer composer;
    private final ZoneId zone;
    /** When the press embargo would lift, worked out by the scheduler's own rules; empty without an embargo. */
    private final Optional<Instant> embargoLift;
    private final Clock clock;

    /**
     * @param zone  the sample recipients' zone, which also reads a local release time that has no fixed
     *              zone: the embargo line of the press preview is shown in it
     * @param clock the Date of the previewed emails
     */
    public PreviewWriter(EmailComposer composer, ZoneId zone, Clock clock, Optional<Instant> embargoLift) {
        this.composer = composer;
        this.zone = zone;
        this.embargoLift = embargoLift;
        this.clock = clock;
    }

    /**
     * @return the files written, four per version
     * @throws UncheckedIOException when the directory cannot be created or written
     * @throws TemplateFailure      when a template is missing or fails
     */
    public List<Path> write(List<Statement> versions, Path directory) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (Preview preview : render(versions)) {
                String base = preview.format().key() + "-" + fileSafe(preview.language());
                written.add(Files.writeString(directory.resolve(base + ".html"), preview.email().html(),
                        StandardCharsets.UTF_8));
                written.add(Files.writeString(directory.resolve(base + ".txt"), preview.email().text(),
                        StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the preview into " + directory, e);
        }
        return written;
    }

    /** One previewed email: a language version as a member or a journalist gets it. */
    public record Preview(String language, Format format, RenderedEmail email) {
    }

    /**
     * Every version in every format, as the sample recipients would get them (the console shows these).
     *
     * @throws TemplateFailure when a template is missing or fails
     */
    public List<Preview> render(List<Statement> versions) {
        List<Preview> previews = new ArrayList<>();
        for (Statement version : versions) {
            for (Format format : Format.values()) {
                previews.add(new Preview(version.language(), format, composer.render(request(version, format))));
            }
        }
        return previews;
    }

    private EmailRequest request(Statement version, Format format) {
        Optional<ZonedDateTime> embargo = format == Format.PRESS
                ? embargoLift.map(lift -> lift.atZone(zone)) : Optional.empty();
        return new EmailRequest(version, sampleRecipient(format, version.language()), format, embargo,
                "preview@broadside.invalid", UNSUBSCRIBE_URL, UNSUBSCRIBE_MAILTO, clock.instant());
    }

    private Contact sampleRecipient(Format format, String language) {
        return format == Format.PRESS
                ? new Contact("desk@newsroom.example", "desk@newsroom.example", "HK", "Sample Newsroom",
                        "Sample Journalist", language, zone.getId(), Set.of("press"))
                : new Contact("members@member.example", "members@member.example", "HK", "Sample Member Organization",
                        null, language, zone.getId(), Set.of("members"));
    }

    /** The tag becomes part of a file name; the parser validated it, but a path separator must never get through. */
    private static String fileSafe(String language) {
        if (!LANGUAGE_TAG.matcher(language).matches()) {
            throw new IllegalArgumentException("language '" + language + "' cannot name a preview file");
        }
        return language;
    }
}
