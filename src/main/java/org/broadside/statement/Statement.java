package org.broadside.statement;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One language version of a statement, as parsed from its Markdown file with YAML front matter.
 *
 * <p>{@code source} is the exact text of the file, without a leading byte order mark, and {@code sha256}
 * its hash (lower-case hex of its UTF-8 bytes, as {@link ContentHash} computes it):
 * approval pins that hash, and dispatch renders only content whose hash is pinned.
 *
 * @param id           from front matter, else a slug of the title
 * @param language     BCP 47 tag as written, e.g. {@code pt-BR}
 * @param date         the dateline date
 * @param releaseZone  empty when the front matter leaves it to the configured default
 * @param pressEmbargo empty when press contacts get it at the release time like everyone else
 * @param audiences    contact list names plus {@code social}; empty means all
 * @param contact      null when the statement names no reference contact
 * @param link         null when there is no full-text link; always https
 * @param summary      null when social posts use the opening paragraph
 * @param translationOf null for an original; else the id of the original
 * @param body         the Markdown body after the front matter, never blank
 */
public record Statement(
        String id,
        String title,
        String subtitle,
        Kind kind,
        String language,
        LocalDate date,
        ReleaseTime release,
        Optional<ReleaseZone> releaseZone,
        Optional<Duration> pressEmbargo,
        List<String> audiences,
        ReferenceContact contact,
        List<String> hashtags,
        URI link,
        String summary,
        String translationOf,
        String body,
        String source,
        String sha256) {

    public Statement {
        audiences = List.copyOf(audiences);
        hashtags = List.copyOf(hashtags);
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /** The id of the statement this version belongs to: its own id for an original. */
    public String originalId() {
        return translationOf == null ? id : translationOf;
    }

    public boolean reachesAudience(String name) {
        return audiences.isEmpty() || audiences.contains(name);
    }
}
