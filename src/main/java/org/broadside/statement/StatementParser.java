package org.broadside.statement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Quoted;
import org.broadside.validation.StrictUtf8;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/**
 * Parses a statement file, UTF-8 Markdown with YAML front matter between {@code ---} lines, into a
 * {@link Statement}, or refuses it with an {@link InvalidInputException} that lists every problem found,
 * each with its line.
 *
 * <p>The file is read in stages: size, UTF-8, the front matter's {@code ---} lines, then the front
 * matter's fields and the body together. A stage that fails ends parsing, since the next one could only
 * guess at what was meant; within the last stage every problem is collected.
 */
public final class StatementParser {
    public static final int DEFAULT_MAX_BYTES = 256 * 1024;

    static final List<String> KEYS = List.of("id", "title", "subtitle", "kind", "language", "date", "release",
            "release_zone", "press_embargo", "audiences", "contact", "hashtags", "link", "summary", "translation_of");

    private static final int KIB = 1024;

    private final int maxBytes;
    private final ReleaseTimeReader releaseTime;

    /** A parser that knows no observances: a release must then be a date-time. */
    public StatementParser() {
        this(DEFAULT_MAX_BYTES);
    }

    /** A parser that knows no observances: a release must then be a date-time. */
    public StatementParser(int maxBytes) {
        this(maxBytes, Set.of());
    }

    /** @param observanceNames the observances a release may name, as in {@code international-migrants-day 09:00} */
    public StatementParser(int maxBytes, Set<String> observanceNames) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.releaseTime = new ReleaseTimeReader(observanceNames);
    }

    /**
     * Problems name the file by the path as the operator gave it, so that they can tell apart files of the
     * same name in different folders and open the one meant.
     *
     * @throws InvalidInputException when the file is not a valid statement
     * @throws UncheckedIOException  when the file cannot be read at all
     */
    public Statement parse(Path file) {
        String fileName = file.toString();
        try {
            // Checked before reading, so that a huge file is never loaded into memory.
            Problems problems = new Problems(fileName);
            checkSize(Files.size(file), problems);
            problems.throwIfAny();
            return parse(fileName, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws InvalidInputException when the content is not a valid statement */
    public Statement parse(String fileName, byte[] content) {
        Problems problems = new Problems(fileName);
        checkSize(content.length, problems);
        problems.throwIfAny();
        String source = decode(content, problems);
        FrontMatter frontMatter = FrontMatter.split(source, problems).orElseThrow(problems::exception);
        // The hash of the text, not of the bytes: it is what the database stores, and a file saved with a
        // byte order mark is the same statement as one saved without.
        return read(frontMatter, source, ContentHash.of(source), problems);
    }

    /**
     * The text, which must be exactly what the bytes say since approval pins its hash. One bad line is
     * enough to show the file was saved in another encoding, and saving it again as UTF-8 fixes them all.
     */
    private static String decode(byte[] content, Problems problems) {
        StrictUtf8.Decoded decoded = StrictUtf8.decode(content);
        if (!decoded.isValid()) {
            int firstLine = decoded.malformedLines().firstKey();
            problems.add(firstLine, decoded.malformedLines().get(firstLine));
        }
        problems.throwIfAny();
        return decoded.text();
    }

    private Statement read(FrontMatter frontMatter, String source, String sha256, Problems problems) {
        checkBody(frontMatter, problems);
        LineMap lines = new LineMap(frontMatter.yaml(), FrontMatter.YAML_FIRST_LINE);
        MappingNode root = new FrontMatterYaml(lines, problems).root(frontMatter.yaml())
                .orElseThrow(problems::exception);
        KeyedMapping keys = new KeyedMapping(root, null, KEYS, FrontMatter.OPENING_LINE, lines, problems);

        String title = keys.required("title", Field::singleLine);
        String id = id(keys, title, problems);
        String subtitle = keys.optional("subtitle", Field::singleLine).orElse(null);
        Kind kind = keys.optional("kind", KindReader::kind).orElse(Kind.STATEMENT);
        String language = keys.required("language", LanguageReader::language);
        LocalDate date = keys.required("date", DateTimeReaders::date);
        ReleaseTime release = keys.required("release", releaseTime);
        Optional<ReleaseZone> releaseZone = keys.optional("release_zone", DateTimeReaders::releaseZone);
        Optional<Duration> pressEmbargo = keys.optional("press_embargo", DateTimeReaders::positiveDuration);
        List<String> audiences = keys.optional("audiences", ListReader.of("audience", IdentifierReaders::listName))
                .orElse(List.of());
        ReferenceContact contact = keys.optional("contact", ContactReader::contact).orElse(null);
        List<String> hashtags = keys.optional("hashtags", ListReader.of("hashtag", IdentifierReaders::hashtag))
                .orElse(List.of());
        URI link = keys.optional("link", LinkReader::httpsLink).orElse(null);
        String summary = keys.optional("summary", Field::text).orElse(null);
        String translationOf = translationOf(keys, id, problems);

        problems.throwIfAny();
        return new Statement(id, title, subtitle, kind, language, date, release, releaseZone, pressEmbargo,
                audiences, contact, hashtags, link, summary, translationOf, frontMatter.body(), source, sha256);
    }

    /** The id as written, else the slug of the title, which only a title with Latin letters or digits has. */
    private static String id(KeyedMapping keys, String title, Problems problems) {
        if (keys.hasValue("id")) {
            return keys.optional("id", IdentifierReaders::statementId).orElse(null);
        }
        if (title == null) {
            return null;
        }
        String slug = Slug.of(title);
        if (slug.isEmpty()) {
            problems.add(keys.lineOf("title"), "id is required when the title has no Latin letters or digits");
            return null;
        }
        return slug;
    }

    private static String translationOf(KeyedMapping keys, String id, Problems problems) {
        String original = keys.optional("translation_of", IdentifierReaders::statementId).orElse(null);
        if (original != null && original.equals(id)) {
            problems.add(keys.lineOf("translation_of"), "translation_of " + Quoted.of(original)
                    + " is this statement's own id; it must be the id of the original");
        }
        return original;
    }

    /** A non-breaking space counts as blank too: it shows as nothing, and nothing is not a statement. */
    private static void checkBody(FrontMatter frontMatter, Problems problems) {
        boolean blank = frontMatter.body().codePoints()
                .allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
        if (blank) {
            problems.add(frontMatter.bodyFirstLine(), "the statement has no text after the front matter");
        }
    }

    /** In KiB when the limit is a whole number of KiB, rounded up so that a file over it never reads as equal. */
    private void checkSize(long size, Problems problems) {
        if (size <= maxBytes) {
            return;
        }
        problems.add(0, maxBytes % KIB == 0
                ? "file is %d KiB, over the %d KiB limit".formatted((size + KIB - 1) / KIB, maxBytes / KIB)
                : "file is %d bytes, over the %d-byte limit".formatted(size, maxBytes));
    }
}
