package org.broadside.statement;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.broadside.audience.ListName;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Statements that must be refused, each with the exact problems an operator is shown: file, line, message. */
class StatementProblemsTest {
    private static final String NOT_ONE_OF_THE_RELEASE_FORMS = " is not a local date-time such as 2026-12-18T09:00,"
            + " an instant such as 2026-12-18T08:00Z or 2026-12-18T09:00+01:00,"
            + " or an observance and a time such as international-migrants-day 09:00";
    private static final StatementParser KNOWING_OBSERVANCES = new StatementParser(StatementParser.DEFAULT_MAX_BYTES,
            Set.of("international-migrants-day", "international-workers-day", "world-refugee-day"));

    private final StatementParser parser = new StatementParser();

    @Test
    void suggestsTheKnownKeyAnUnknownKeyResembles() {
        assertThat(problemsOf("""
                ---
                titel: Stop the deportations
                language: en
                date: 2026-03-01
                release: 2026-03-01T10:00
                colour: red
                ---
                Body.
                """)).containsExactly(
                "statement.md:1: missing required key 'title'",
                "statement.md:2: unknown key 'titel' (did you mean 'title'?)",
                "statement.md:6: unknown key 'colour'");
    }

    @Test
    void suggestsKeysInsideTheContactToo() {
        assertThat(problemsOf("""
                ---
                title: Stop the deportations
                language: en
                date: 2026-03-01
                release: 2026-03-01T10:00
                contact:
                  nmae: Ligaya Santos
                  phone: +852 5555 0142
                ---
                Body.
                """)).containsExactly("statement.md:7: unknown key 'nmae' in contact (did you mean 'name'?)");
    }

    @Test
    void reportsADuplicateKeyWithTheLineOfTheFirst() {
        assertThat(problemsOf("""
                ---
                title: Stop the deportations
                language: en
                date: 2026-03-01
                title: Stop all deportations
                release: 2026-03-01T10:00
                contact:
                  email: press@example.org
                  email: info@example.org
                ---
                Body.
                """)).containsExactly(
                "statement.md:5: duplicate key 'title' (first at line 2)",
                "statement.md:9: duplicate key 'email' in contact (first at line 8)");
    }

    @Test
    void reportsMissingRequiredKeysAtTheOpeningLine() {
        assertThat(problemsOf("""
                ---
                subtitle: A statement without its essentials
                ---
                Body.
                """)).containsExactly(
                "statement.md:1: missing required key 'title'",
                "statement.md:1: missing required key 'language'",
                "statement.md:1: missing required key 'date'",
                "statement.md:1: missing required key 'release'");
    }

    @Test
    void reportsARequiredKeyWrittenWithoutAValue() {
        assertThat(problemsOf("""
                ---
                title:
                language: ""
                date: 2026-03-01
                release: 2026-03-01T10:00
                ---
                Body.
                """)).containsExactly("statement.md:2: title is empty", "statement.md:3: language is empty");
    }

    @Test
    void reportsInvalidDatesAndDateTimes() {
        assertThat(problemsOf("""
                ---
                title: Stop the deportations
                language: en
                date: 2026-02-30
                release: 18/12/2026 9:00
                ---
                Body.
                """)).containsExactly(
                "statement.md:4: date '2026-02-30' is not a date written yyyy-MM-dd",
                "statement.md:5: release '18/12/2026 9:00'" + NOT_ONE_OF_THE_RELEASE_FORMS);
    }

    @Test
    void reportsAReleaseThatIsOnlyADate() {
        assertThat(problemsOf("""
                ---
                title: Stop the deportations
                language: en
                date: 2026-03-01
                release: 2026-12-18
                ---
                Body.
                """)).containsExactly(
                "statement.md:5: release '2026-12-18'" + NOT_ONE_OF_THE_RELEASE_FORMS);
    }

    @Test
    void suggestsTheKnownObservanceAnUnknownOneResembles() {
        assertThat(StatementFixtures.problems(KNOWING_OBSERVANCES, "statement.md", """
                ---
                title: Stop the deportations
                language: en
                date: 2026-12-17
                release_zone: recipient
                hashtags: [MigrantsDay]
                audiences: [members]
                release: international-migrant-day 09:00
                ---
                Body.
                """.getBytes(UTF_8))).containsExactly("statement.md:8: release names no observance"
                + " 'international-migrant-day' (did you mean 'international-migrants-day'?)");
        assertThat(releaseProblems(KNOWING_OBSERVANCES, "World-Refugee-Day 09:00")).containsExactly(
                "statement.md:5: release names no observance 'World-Refugee-Day' (did you mean 'world-refugee-day'?)");
        assertThat(releaseProblems(KNOWING_OBSERVANCES, "labour-day 09:00"))
                .containsExactly("statement.md:5: release names no observance 'labour-day'");
    }

    @Test
    void saysSoWhenAReleaseNamesAnObservanceButNoneAreConfigured() {
        assertThat(releaseProblems(parser, "international-migrants-day 09:00")).containsExactly("statement.md:5:"
                + " release names no observance 'international-migrants-day'; no observances are configured");
    }

    @ParameterizedTest
    @ValueSource(strings = {"international-migrants-day 24:00", "international-migrants-day 9:00",
            "international-migrants-day 09:00:00.5", "international-migrants-day",
            "international-migrants-day 2026-12-18"})
    void reportsAnObservanceWithoutATimeOfDayAsNoneOfTheReleaseForms(String written) {
        assertThat(releaseProblems(KNOWING_OBSERVANCES, written))
                .containsExactly("statement.md:5: release '" + written + "'" + NOT_ONE_OF_THE_RELEASE_FORMS);
    }

    @Test
    void reportsAnUnknownTimeZone() {
        assertThat(problemsOf("""
                ---
                title: Stop the deportations
                language: en
                release_zone: Mars/Base
                date: 2026-03-01
                release: 2026-03-01T10:00
                ---
                Body.
                """)).containsExactly("statement.md:4: release_zone 'Mars/Base' is not a known time zone");
    }

    @Test
    void reportsABareOffsetAsAZone() {
        assertThat(problemsOf(validWith("release_zone: +08:00")))
                .containsExactly("statement.md:6: release_zone '+08:00' is not a known time zone");
    }

    @Test
    void reportsAnInvalidPressEmbargo() {
        assertThat(problemsOf(validWith("press_embargo: 24 hours")))
                .containsExactly("statement.md:6: press_embargo '24 hours' is not an ISO 8601 duration such as PT24H");
        assertThat(problemsOf(validWith("press_embargo: PT0S")))
                .containsExactly("statement.md:6: press_embargo 'PT0S' must be a positive duration");
        assertThat(problemsOf(validWith("press_embargo: -PT2H")))
                .containsExactly("statement.md:6: press_embargo '-PT2H' must be a positive duration");
    }

    @Test
    void reportsAnIllFormedOrUnknownLanguage() {
        assertThat(problemsOf(validWith("subtitle: x").replace("language: en", "language: en_US")))
                .containsExactly("statement.md:3: language 'en_US' is not a well-formed BCP 47 language tag");
        assertThat(problemsOf(validWith("subtitle: x").replace("language: en", "language: xx-PH")))
                .containsExactly("statement.md:3: language 'xx-PH' does not start with a known ISO 639 language");
    }

    @Test
    void reportsAnUnknownKind() {
        assertThat(problemsOf(validWith("kind: memo")))
                .containsExactly("statement.md:6: kind 'memo' is not one of 'statement', 'press-release'");
    }

    @Test
    void reportsValuesOfTheWrongYamlType() {
        assertThat(problemsOf("""
                ---
                title: [Stop, the deportations]
                language: en
                date: 2026-03-01
                release: 2026-03-01T10:00
                hashtags: MigrantsDay
                contact: Ligaya Santos
                audiences:
                  - press
                  - {name: members}
                summary:
                  - one
                ---
                Body.
                """)).containsExactly(
                "statement.md:2: title must be a single value, not a list",
                "statement.md:6: hashtags must be a list, not a single value",
                "statement.md:7: contact must be a mapping of name, role, phone, email, not a single value",
                "statement.md:10: audience must be a single value, not a mapping",
                "statement.md:11: summary must be a single value, not a list");
    }

    @Test
    void reportsInvalidListItems() {
        assertThat(problemsOf("""
                ---
                title: Stop the deportations
                language: en
                date: 2026-03-01
                release: 2026-03-01T10:00
                audiences: [press, Press Desk]
                hashtags:
                  - "#Migrantes en lucha"
                  - "#no-one-is-illegal"
                  -
                ---
                Body.
                """)).containsExactly(
                "statement.md:6: audience 'Press Desk' is not a valid list name (" + ListName.RULE + ")",
                "statement.md:8: hashtag '#Migrantes en lucha' must be letters, marks, digits and '_' only,"
                        + " with no spaces or punctuation",
                "statement.md:9: hashtag '#no-one-is-illegal' must be letters, marks, digits and '_' only,"
                        + " with no spaces or punctuation",
                "statement.md:10: hashtags has an empty item");
    }

    @Test
    void reportsAnInvalidContact() {
        assertThat(problemsOf("""
                ---
                title: Stop the deportations
                language: en
                date: 2026-03-01
                release: 2026-03-01T10:00
                contact:
                  name: Ligaya Santos
                  phone: call +852 5555 0142
                  email: Ligaya Santos <press@example.org>
                ---
                Body.
                """)).containsExactly(
                "statement.md:8: contact phone 'call +852 5555 0142'"
                        + " may contain only digits, spaces, + - ( ) . / and an 'ext'",
                "statement.md:9: contact email 'Ligaya Santos <press@example.org>' is not a valid email address");
    }

    @Test
    void reportsAnEmailWithoutADomainAndAContactWithNothingInIt() {
        assertThat(problemsOf(validWith("contact: {email: press@localhost}")))
                .containsExactly("statement.md:6: contact email 'press@localhost' is not a valid email address");
        assertThat(problemsOf(validWith("contact: {}")))
                .containsExactly("statement.md:6: contact must have at least one of name, role, phone, email");
    }

    @Test
    void reportsLinksThatAreNotHttpsUrlsWithAHost() {
        assertThat(problemsOf(validWith("link: http://example.org/statement")))
                .containsExactly("statement.md:6: link 'http://example.org/statement' must be an https URL");
        assertThat(problemsOf(validWith("link: ftp://example.org/statement.txt")))
                .containsExactly("statement.md:6: link 'ftp://example.org/statement.txt' must be an https URL");
        assertThat(problemsOf(validWith("link: /statements/today")))
                .containsExactly("statement.md:6: link '/statements/today' must be an https URL");
        assertThat(problemsOf(validWith("link: https:///statements/today")))
                .containsExactly("statement.md:6: link 'https:///statements/today' has no host name");
        assertThat(problemsOf(validWith("link: https://example.org/a b")))
                .containsExactly("statement.md:6: link 'https://example.org/a b' is not a valid URL");
    }

    @Test
    void reportsALineBreakSmuggledIntoTheTitleByABlockScalar() {
        assertThat(problemsOf("""
                ---
                title: |
                  Stop the deportations
                  Bcc: everyone@example.org
                language: en
                date: 2026-03-01
                release: 2026-03-01T10:00
                ---
                Body.
                """)).containsExactly("statement.md:2: title 'Stop the deportations\\nBcc: everyone@example.org\\n'"
                + " contains a line break");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            id: "today\\r\\n"                        | id 'today\\r\\n' contains a line break
            subtitle: "Day one\\rDay two"            | subtitle 'Day one\\rDay two' contains a line break
            hashtags: ["Migrants\\nDay"]             | hashtag 'Migrants\\nDay' contains a line break
            link: "https://example.org/\\u2028x"     | link 'https://example.org/\\u2028x' contains a line break
            translation_of: "original\\x85"          | translation_of 'original\\u0085' contains a line break
            contact: {name: "Ligaya\\x07"}           | contact name 'Ligaya\\u0007' contains control character U+0007
            contact: {role: "Spokesperson\\e"} | contact role 'Spokesperson\\u001B' contains control character U+001B
            contact: {phone: "+852 5555\\n0142"}     | contact phone '+852 5555\\n0142' contains a line break
            contact: {email: "a@x.org\\nBcc: b@x.org"} | contact email 'a@x.org\\nBcc: b@x.org' contains a line break
            """)
    void reportsControlCharactersInValuesThatCanBecomeHeadersOrFileNames(String entry, String message) {
        assertThat(problemsOf(validWith(entry))).containsExactly("statement.md:6: " + message);
    }

    @Test
    void reportsControlCharactersInTheLanguage() {
        assertThat(problemsOf(validWith("subtitle: x").replace("language: en", "language: \"en\\n\"")))
                .containsExactly("statement.md:3: language 'en\\n' contains a line break");
    }

    @Test
    void allowsLineBreaksInTheSummary() {
        assertThat(parser.parse("statement.md", validWith("summary: |\n  One.\n  Two.").getBytes(UTF_8)).summary())
                .isEqualTo("One.\nTwo.\n");
    }

    @Test
    void reportsAnIdThatIsNotSafeInFileNames() {
        assertThat(problemsOf(validWith("id: Migrants_Day/2026"))).containsExactly("statement.md:6: id"
                + " 'Migrants_Day/2026' must be lower-case letters, digits and '-', starting with a letter or digit,"
                + " at most 80 characters");
        assertThat(problemsOf(validWith("id: " + "a".repeat(81)))).hasSize(1);
    }

    @Test
    void refusesAnAudienceNoContactListCouldBeCalled() {
        String tooLong = "a".repeat(101);

        assertThat(problemsOf(validWith("audiences: [" + tooLong + "]"))).containsExactly("statement.md:6: audience '"
                + "a".repeat(80) + "…' is not a valid list name (" + ListName.RULE + ")");
        assertThat(parser.parse("statement.md", validWith("audiences: [" + "a".repeat(100) + "]").getBytes(UTF_8))
                .audiences()).containsExactly("a".repeat(100));
    }

    @Test
    void requiresAnIdWhenTheTitleHasNoLatinLettersOrDigits() {
        assertThat(problemsOf("""
                ---
                language: ar
                title: العمال المهاجرون ليسوا سلعة
                date: 2026-12-17
                release: 2026-12-18T09:00
                ---
                نص البيان.
                """)).containsExactly("statement.md:3: id is required when the title has no Latin letters or digits");
    }

    @Test
    void reportsATranslationOfItself() {
        assertThat(problemsOf(validWith("id: migrants-day-2026\ntranslation_of: migrants-day-2026")))
                .containsExactly("statement.md:7: translation_of 'migrants-day-2026' is this statement's own id;"
                        + " it must be the id of the original");
        assertThat(problemsOf(validWith("translation_of: Migrants Day")))
                .containsExactly("statement.md:6: translation_of 'Migrants Day' must be lower-case letters, digits"
                        + " and '-', starting with a letter or digit, at most 80 characters");
    }

    @Test
    void reportsAnEmptyBodyAtTheLineAfterTheFrontMatter() {
        assertThat(problemsOf(validWith("subtitle: x").replace("Body.\n", " \n\u00A0\t\n")))
                .containsExactly("statement.md:8: the statement has no text after the front matter");
        assertThat(problemsOf(validWith("subtitle: x").replace("---\nBody.\n", "---")))
                .containsExactly("statement.md:8: the statement has no text after the front matter");
    }

    @Test
    void reportsAFileWithoutFrontMatter() {
        assertThat(problemsOf("Stop the deportations\n\ntitle: not front matter\n"))
                .containsExactly("statement.md:1: no front matter: the file must begin with a '---' line");
        assertThat(problemsOf("\n---\ntitle: T\n---\nBody\n"))
                .containsExactly("statement.md:1: no front matter: the file must begin with a '---' line");
    }

    @Test
    void reportsFrontMatterThatIsNeverClosed() {
        assertThat(problemsOf("---\ntitle: Stop the deportations\nlanguage: en\n\nBody.\n"))
                .containsExactly("statement.md:1: front matter is not closed: no '---' line follows the one at line 1");
    }

    @Test
    void reportsYamlSyntaxErrorsAtTheirLine() {
        assertThat(problemsOf("""
                ---
                title: Stop the deportations
                language: en
                date: 2026-03-01: morning
                release: 2026-03-01T10:00
                ---
                Body.
                """)).containsExactly(
                "statement.md:4: front matter is not valid YAML: mapping values are not allowed here;"
                        + " a value containing ': ' must be quoted, e.g. title: 'Migrants Day: a call'");
        assertThat(problemsOf("""
                ---
                title: "Stop the deportations
                language: en
                ---
                Body.
                """)).containsExactly("statement.md:4: front matter is not valid YAML: found unexpected end of stream"
                + " (while scanning a quoted scalar at line 2)");
    }

    @Test
    void reportsFrontMatterThatIsNotAMapping() {
        assertThat(problemsOf("---\n- title\n- language\n---\nBody.\n"))
                .containsExactly("statement.md:2: front matter must be 'key: value' lines, not a list");
        assertThat(problemsOf("---\n? [title, subtitle]\n: Stop the deportations\n---\nBody.\n"))
                .contains("statement.md:2: a key must be a name, not a list");
    }

    @Test
    void reportsInvalidUtf8AtTheLineOfTheFirstBadByte() {
        byte[] valid = validWith("subtitle: Día del Migrante").getBytes(UTF_8);
        byte[] broken = Arrays.copyOf(valid, valid.length);
        int offset = new String(valid, UTF_8).indexOf("Día") + 1;
        broken[offset + 1] = 'x';  // the continuation byte of í

        assertThat(problemsOf(broken)).containsExactly(
                "statement.md:6: not valid UTF-8 (byte 0xC3 at byte 12 of the line); save the file as UTF-8");
        assertThat(problemsOf(new byte[] {'-', '-', '-', '\n', (byte) 0xFF})).containsExactly(
                "statement.md:2: not valid UTF-8 (byte 0xFF at byte 1 of the line); save the file as UTF-8");
    }

    @Test
    void reportsOnlyTheFirstLineOfAFileSavedInAnotherEncoding() {
        byte[] latin1 = validWith("subtitle: Día del Migrante").replace("Body.", "Día.").getBytes(ISO_8859_1);

        assertThat(problemsOf(latin1)).containsExactly(
                "statement.md:6: not valid UTF-8 (byte 0xED at byte 12 of the line); save the file as UTF-8");
    }

    @Test
    void refusesAFileOverTheSizeLimitBeforeAnythingElse() {
        byte[] content = new byte[300 * 1024];
        Arrays.fill(content, (byte) 0xFF);

        assertThat(problemsOf(content)).containsExactly("statement.md: file is 300 KiB, over the 256 KiB limit");
        assertThat(problemsOf(new byte[256 * 1024 + 1]))
                .containsExactly("statement.md: file is 257 KiB, over the 256 KiB limit");
        assertThat(StatementFixtures.problems(new StatementParser(1000), "statement.md", new byte[1001]))
                .containsExactly("statement.md: file is 1001 bytes, over the 1000-byte limit");
    }

    @Test
    void refusesAnOversizedFileOnDiskAndNamesItByThePathAsGiven(@TempDir Path directory) throws IOException {
        Path file = Files.write(directory.resolve("statement.md"), new byte[300 * 1024]);

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> parser.parse(file));

        assertThat(refused.problems())
                .containsExactly(new Problem(file.toString(), 0, "file is 300 KiB, over the 256 KiB limit"));
    }

    @Test
    void namesAFileGivenByARelativePathByThatPathNotAnAbsoluteOne(@TempDir Path directory) throws IOException {
        Path absolute = Files.writeString(directory.resolve("statement.md"), validWith("titel: x"));
        Path relative = Path.of("").toAbsolutePath().relativize(absolute);

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> parser.parse(relative));

        assertThat(refused.problems()).extracting(Problem::toString)
                .containsExactly(relative + ":6: unknown key 'titel' (did you mean 'title'?)");
    }

    @Test
    void reportsLinesOfCrlfFilesAsAnEditorShowsThem() {
        String crlf = """
                ---
                title: Stop the deportations
                language: en
                release_zone: Mars/Base
                date: 2026-03-01
                release: 2026-03-01T10:00
                ---
                Body.
                """.replace("\n", "\r\n");

        assertThat(problemsOf(crlf))
                .containsExactly("statement.md:4: release_zone 'Mars/Base' is not a known time zone");
    }

    @Test
    void collectsEveryProblemInOnePass() {
        assertThat(problemsOf("""
                ---
                title: Stop the deportations
                language: english
                date: 01-03-2026
                release: 2026-03-01T10:00
                release_zone: Asia/Manilla
                link: http://example.org
                hashtag: [MigrantsDay]
                ---

                """)).containsExactly(
                "statement.md:3: language 'english' does not start with a known ISO 639 language",
                "statement.md:4: date '01-03-2026' is not a date written yyyy-MM-dd",
                "statement.md:6: release_zone 'Asia/Manilla' is not a known time zone",
                "statement.md:7: link 'http://example.org' must be an https URL",
                "statement.md:8: unknown key 'hashtag' (did you mean 'hashtags'?)",
                "statement.md:10: the statement has no text after the front matter");
    }

    /** A valid statement with one more front-matter entry, which starts at line 6. */
    private static String validWith(String entry) {
        return "---\ntitle: Stop the deportations\nlanguage: en\ndate: 2026-03-01\nrelease: 2026-03-01T10:00\n"
                + entry + "\n---\nBody.\n";
    }

    /** The problems of a valid statement whose release, at line 5, is written as given. */
    private static List<String> releaseProblems(StatementParser parser, String release) {
        String text = validWith("subtitle: x").replace("release: 2026-03-01T10:00", "release: " + release);
        return StatementFixtures.problems(parser, "statement.md", text.getBytes(UTF_8));
    }

    private List<String> problemsOf(String text) {
        return problemsOf(text.getBytes(UTF_8));
    }

    private List<String> problemsOf(byte[] content) {
        return StatementFixtures.problems(parser, "statement.md", content);
    }
}
