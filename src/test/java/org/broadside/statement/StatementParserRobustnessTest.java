package org.broadside.statement;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.broadside.validation.InvalidInputException;
import org.broadside.validation.OperatorYaml;
import org.junit.jupiter.api.Test;

/**
 * Whatever arrives in the inbox, the parser answers with a statement or an {@link InvalidInputException}:
 * never another exception, a stack overflow or a hang. Random inputs use fixed seeds so a failure repeats.
 */
class StatementParserRobustnessTest {
    private final StatementParser parser = new StatementParser();

    @Test
    void refusesBinaryJunk() {
        Random random = new Random(20261218);
        for (int i = 0; i < 500; i++) {
            byte[] junk = new byte[random.nextInt(2000)];
            random.nextBytes(junk);
            parsesOrRefuses(junk);
            parsesOrRefuses(StatementFixtures.concat("---\n".getBytes(UTF_8), junk));
        }
    }

    @Test
    void refusesMutationsOfAValidStatement() {
        byte[] valid = StatementFixtures.resource("migrants-day-2026.en.md");
        Random random = new Random(18122026);
        byte[] alphabet = "-:#&*!|>{}[]'\"\\\n\r\t ?%@`,~".getBytes(UTF_8);
        for (int i = 0; i < 1000; i++) {
            byte[] mutated = valid.clone();
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(mutated.length);
                mutated[at] = random.nextBoolean()
                        ? alphabet[random.nextInt(alphabet.length)]
                        : (byte) random.nextInt(256);
            }
            parsesOrRefuses(mutated);
        }
    }

    @Test
    void refusesFencesWithNothingBetweenOrAfterThem() {
        assertThat(problemsOf("---")).containsExactly(
                "junk.md:1: front matter is not closed: no '---' line follows the one at line 1");
        assertThat(problemsOf("---\n---\n")).containsExactly(
                "junk.md:1: missing required key 'title'",
                "junk.md:1: missing required key 'language'",
                "junk.md:1: missing required key 'date'",
                "junk.md:1: missing required key 'release'",
                "junk.md:3: the statement has no text after the front matter");
        assertThat(problemsOf("")).containsExactly("junk.md:1: no front matter: the file must begin with a '---' line");
    }

    @Test
    void refusesAnAliasBombWithoutExpandingIt() {
        StringBuilder bomb = new StringBuilder("---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level < 10; level++) {
            String previous = "*a" + (level - 1);
            bomb.append("a").append(level).append(": &a").append(level)
                    .append(" [").append(String.join(", ", Collections.nCopies(9, previous))).append("]\n");
        }
        bomb.append("---\nBody.\n");

        assertThat(problemsOf(bomb.toString())).containsExactly("junk.md:2: front matter is refused:"
                + " Number of aliases for non-scalar nodes exceeds the specified max="
                + OperatorYaml.MAX_COLLECTION_ALIASES);
    }

    @Test
    void refusesRecursiveAliasesAsValuesOfTheWrongType() {
        assertThat(problemsOf("""
                ---
                title: T
                language: en
                date: 2026-03-01
                release: 2026-03-01T10:00
                audiences: &loop [*loop]
                contact: &self {name: *self}
                ---
                Body.
                """)).containsExactly(
                "junk.md:6: audience must be a single value, not a list",
                "junk.md:7: contact name must be a single value, not a mapping");
    }

    @Test
    void refusesNestingDeepEnoughToOverflowTheStack() {
        String tooDeep = "front matter nests lists or mappings more than " + OperatorYaml.MAX_DEPTH + " levels deep";

        assertThat(problemsOf("---\ntitle: " + "[".repeat(100_000) + "\n---\nBody.\n"))
                .containsExactly("junk.md:2: " + tooDeep);
        assertThat(problemsOf("---\ntitle: " + "- ".repeat(100_000) + "x\n---\nBody.\n")).hasSize(1);
        assertThat(problemsOf("---\ntitle:\n" + "- ".repeat(100_000) + "x\n---\nBody.\n"))
                .containsExactly("junk.md:3: " + tooDeep);
    }

    @Test
    void refusesYamlFeaturesThatHaveNoPlaceInFrontMatter() {
        parsesOrRefuses("---\n%YAML 9.9\n---\nBody\n");
        parsesOrRefuses("---\ntitle: !!binary aGVsbG8=\n---\nBody\n");
        parsesOrRefuses("---\ntitle: !!python/object:os.system [ls]\n---\nBody\n");
        parsesOrRefuses("---\n<<: {title: T}\n---\nBody\n");
        parsesOrRefuses("---\ntitle: *undefined\n---\nBody\n");
        parsesOrRefuses("---\n--- !tag\n---\nBody\n");
        parsesOrRefuses("---\ntitle: T\n...\nlanguage: en\n---\nBody\n");
        parsesOrRefuses("---\ntitle: \u0000\u0007\n---\nBody\n");
        parsesOrRefuses("---\ntitle: T\rlanguage: en\r---\rBody\r");
        parsesOrRefuses("---\n" + "k".repeat(5000) + ": v\n---\nBody\n");
        parsesOrRefuses("---\ntitle: \"\\uD800\"\n---\nBody\n");
    }

    private void parsesOrRefuses(String text) {
        parsesOrRefuses(text.getBytes(UTF_8));
    }

    /** Anything but a statement or InvalidInputException escapes and fails the test with its stack trace. */
    private void parsesOrRefuses(byte[] content) {
        try {
            parser.parse("junk.md", content);
        } catch (InvalidInputException refused) {
            assertThat(refused.problems()).allSatisfy(problem -> assertThat(problem.file()).isEqualTo("junk.md"));
        }
    }

    private List<String> problemsOf(String text) {
        return StatementFixtures.problems(parser, "junk.md", text.getBytes(UTF_8));
    }
}
