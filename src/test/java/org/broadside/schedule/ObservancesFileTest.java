package org.broadside.schedule;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.Problem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The observances file as operators edit it, and the dates it gives a release. */
class ObservancesFileTest {
    private static final Path SHIPPED = Path.of("config/observances.yaml");
    private static final String FILE_NAME = "observances.yaml";

    @TempDir
    Path directory;

    @Test
    void loadsTheShippedFileWithTheDaysTheMovementMarks() {
        Observances observances = ObservancesFile.load(SHIPPED);

        assertThat(observances.date("international-migrants-day")).contains(MonthDay.of(12, 18));
        assertThat(observances.date("international-workers-day")).contains(MonthDay.of(5, 1));
        assertThat(observances.date("international-womens-day")).contains(MonthDay.of(3, 8));
        assertThat(observances.date("world-refugee-day")).contains(MonthDay.of(6, 20));
        assertThat(observances.date("human-rights-day")).contains(MonthDay.of(12, 10));
    }

    @Test
    void readsQuotedDatesAndTheTwentyNinthOfFebruary() {
        Observances observances = load("""
                leap-day: 02-29
                quoted-day: '12-18'
                """);

        assertThat(observances.names()).containsExactlyInAnyOrder("leap-day", "quoted-day");
        assertThat(observances.date("leap-day")).contains(MonthDay.of(2, 29));
        assertThat(observances.date("quoted-day")).contains(MonthDay.of(12, 18));
    }

    @Test
    void readsAFileOfCommentsOnlyAsNoObservances() {
        assertThat(load("# none yet\n").names()).isEmpty();
        assertThat(load("").names()).isEmpty();
    }

    @Test
    void refusesAMissingFileRatherThanReadingItAsNoObservances() {
        Path missing = directory.resolve(FILE_NAME);

        assertThat(refusal(missing)).containsExactly(new Problem(missing.toString(), 0, "no such file"));
    }

    @Test
    void refusesAFileThatCannotBeReadAsAFile() {
        assertThatThrownBy(() -> ObservancesFile.load(directory)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void reportsInvalidNamesAtTheirLines() {
        assertThat(problemsOf("""
                # header
                International-Migrants-Day: 12-18
                world_refugee_day: 06-20
                1st-of-may: 05-01
                [a, b]: 01-01
                human-rights-day: 12-10
                """)).containsExactly(
                "observances.yaml:2: observance name 'International-Migrants-Day' must be lower-case letters,"
                        + " digits and '-', starting with a letter",
                "observances.yaml:3: observance name 'world_refugee_day' must be lower-case letters,"
                        + " digits and '-', starting with a letter",
                "observances.yaml:4: observance name '1st-of-may' must be lower-case letters,"
                        + " digits and '-', starting with a letter",
                "observances.yaml:5: an observance name must be a single value, not a list");
    }

    @Test
    void reportsInvalidDatesAtTheirLines() {
        assertThat(problemsOf("""
                a: 18-12
                b: 02-30
                c: 12-1
                d: 12/18
                e:
                f: [12, 18]
                g: 2026-12-18
                """)).containsExactly(
                "observances.yaml:1: a date '18-12' is not a date written MM-DD, e.g. 12-18",
                "observances.yaml:2: b date '02-30' is not a date written MM-DD, e.g. 12-18",
                "observances.yaml:3: c date '12-1' is not a date written MM-DD, e.g. 12-18",
                "observances.yaml:4: d date '12/18' is not a date written MM-DD, e.g. 12-18",
                "observances.yaml:5: e date is empty",
                "observances.yaml:6: f date must be a single value, not a list",
                "observances.yaml:7: g date '2026-12-18' is not a date written MM-DD, e.g. 12-18");
    }

    @Test
    void reportsADuplicateNameWithTheLineOfTheFirst() {
        assertThat(problemsOf("""
                international-migrants-day: 12-18
                world-refugee-day: 06-20
                international-migrants-day: 12-19
                """)).containsExactly(
                "observances.yaml:3: duplicate observance 'international-migrants-day' (first at line 1)");
    }

    @Test
    void reportsAFileThatIsNotAMapping() {
        assertThat(problemsOf("# header\n- international-migrants-day\n- 12-18\n"))
                .containsExactly("observances.yaml:2: file must be 'name: MM-DD' lines, not a list");
        assertThat(problemsOf("12-18\n"))
                .containsExactly("observances.yaml:1: file must be 'name: MM-DD' lines, not a single value");
    }

    @Test
    void reportsYamlSyntaxErrorsAtTheirLine() {
        assertThat(problemsOf("""
                international-migrants-day: 12-18
                world-refugee-day: "06-20
                human-rights-day: 12-10
                """)).containsExactly("observances.yaml:4: file is not valid YAML: found unexpected end of stream"
                + " (while scanning a quoted scalar at line 2)");
        assertThat(problemsOf("a: [" + "[".repeat(10_000) + "\n"))
                .containsExactly("observances.yaml:1: file nests lists or mappings more than 20 levels deep");
    }

    @Test
    void reportsInvalidUtf8AtTheLineOfTheFirstBadByte() {
        byte[] latin1 = "# Día del Migrante\ninternational-migrants-day: 12-18\n# Día\n".getBytes(ISO_8859_1);

        assertThat(problemsOf(latin1)).containsExactly(
                "observances.yaml:1: not valid UTF-8 (byte 0xED at byte 4 of the line); save the file as UTF-8");
    }

    @Test
    void collectsEveryProblemInOnePassInLineOrder() {
        assertThat(problemsOf("""
                international-migrants-day: 12-18
                World Refugee Day: 06-20
                human-rights-day: 10-12-1948
                international-migrants-day: 12-18
                """)).containsExactly(
                "observances.yaml:2: observance name 'World Refugee Day' must be lower-case letters,"
                        + " digits and '-', starting with a letter",
                "observances.yaml:3: human-rights-day date '10-12-1948' is not a date written MM-DD, e.g. 12-18",
                "observances.yaml:4: duplicate observance 'international-migrants-day' (first at line 1)");
    }

    /** {@link Observances#next}, which turns {@code international-migrants-day 09:00} into a date. */
    @Nested
    class NextDate {
        private final Observances observances = new Observances(Map.of(
                "international-migrants-day", MonthDay.of(12, 18),
                "new-year", MonthDay.of(1, 1),
                "leap-day", MonthDay.of(2, 29)));

        @Test
        void isTheDayItselfOnTheDay() {
            assertThat(observances.next("international-migrants-day", LocalDate.of(2026, 12, 18)))
                    .isEqualTo(LocalDate.of(2026, 12, 18));
        }

        @Test
        void isNextYearsOnceThisYearsHasPassed() {
            assertThat(observances.next("international-migrants-day", LocalDate.of(2026, 12, 19)))
                    .isEqualTo(LocalDate.of(2027, 12, 18));
            assertThat(observances.next("new-year", LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2027, 1, 1));
            assertThat(observances.next("new-year", LocalDate.of(2027, 1, 1))).isEqualTo(LocalDate.of(2027, 1, 1));
        }

        @Test
        void fallsOnThe28thOfFebruaryOutsideLeapYears() {
            assertThat(observances.next("leap-day", LocalDate.of(2026, 12, 18))).isEqualTo(LocalDate.of(2027, 2, 28));
            assertThat(observances.next("leap-day", LocalDate.of(2027, 2, 28))).isEqualTo(LocalDate.of(2027, 2, 28));
        }

        @Test
        void isThe29thOfFebruaryInLeapYears() {
            assertThat(observances.next("leap-day", LocalDate.of(2027, 3, 1))).isEqualTo(LocalDate.of(2028, 2, 29));
            assertThat(observances.next("leap-day", LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2028, 2, 29));
            assertThat(observances.next("leap-day", LocalDate.of(2028, 3, 1))).isEqualTo(LocalDate.of(2029, 2, 28));
        }

        @Test
        void refusesANameThatIsNotAnObservance() {
            assertThatThrownBy(() -> observances.next("labour-day", LocalDate.of(2026, 1, 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no observance named 'labour-day'");
        }
    }

    private Observances load(String text) {
        return ObservancesFile.load(write(text.getBytes(UTF_8)));
    }

    private List<String> problemsOf(String text) {
        return problemsOf(text.getBytes(UTF_8));
    }

    /**
     * As an operator reads them ({@code file:line: message}), with the temporary directory left out of the
     * file name for legibility once every problem is checked to name the file that was loaded.
     */
    private List<String> problemsOf(byte[] content) {
        Path file = write(content);
        return refusal(file).stream()
                .peek(problem -> assertThat(problem.file()).isEqualTo(file.toString()))
                .map(problem -> new Problem(FILE_NAME, problem.line(), problem.message()).toString())
                .toList();
    }

    /** Fails unless the file is refused. */
    private static List<Problem> refusal(Path file) {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> ObservancesFile.load(file));
        assertThat(refused).as("refused").isNotNull();
        return refused.problems();
    }

    private Path write(byte[] content) {
        try {
            return Files.write(directory.resolve(FILE_NAME), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
