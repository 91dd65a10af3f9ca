package org.broadside.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

class OperatorYamlTest {
    /** As if the YAML started at line 10 of the operator's file, so that a line counted from 1 would show. */
    private static final int FIRST_LINE = 10;
    private static final int DOCUMENT_LINE = 7;

    private final List<String> problems = new ArrayList<>();

    @Test
    void keepsValuesAsWrittenWithTheirPositions() {
        MappingNode root = (MappingNode) compose("a: 1\nb: no\n", problem -> "").orElseThrow();

        ScalarNode b = (ScalarNode) root.getValue().get(1).getValueNode();
        assertThat(b.getValue()).isEqualTo("no");
        assertThat(problems).isEmpty();
    }

    @Test
    void readsCommentsOnlyAsAnEmptyMapping() {
        Node root = compose("# nothing yet\n", problem -> "").orElseThrow();

        assertThat(root).isInstanceOfSatisfying(MappingNode.class, mapping -> assertThat(mapping.getValue()).isEmpty());
    }

    @Test
    void reportsSyntaxErrorsAtTheirLineOfTheFile() {
        assertThat(compose("a: 1\nb: \"open\nc: 3\n", problem -> "")).isEmpty();

        assertThat(problems).containsExactly("13: the text is not valid YAML: found unexpected end of stream"
                + " (while scanning a quoted scalar at line 11)");
    }

    @Test
    void addsTheReadersHintToSnakeyamlsWording() {
        compose("a: b: c\n", problem -> problem.startsWith("mapping values") ? "; quote it" : "");

        assertThat(problems).containsExactly(
                "10: the text is not valid YAML: mapping values are not allowed here; quote it");
    }

    @Test
    void refusesNestingDeepEnoughToOverflowTheStack() {
        assertThat(compose("a: 1\nb: " + "[".repeat(100_000) + "\n", problem -> "")).isEmpty();

        assertThat(problems).containsExactly(
                "11: the text nests lists or mappings more than " + OperatorYaml.MAX_DEPTH + " levels deep");
    }

    @Test
    void refusesAnAliasBombAtTheLineGivenForTheWholeDocument() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level < 10; level++) {
            bomb.append("a").append(level).append(": &a").append(level).append(" [*a").append(level - 1)
                    .append(", *a").append(level - 1).append("]\n");
        }

        assertThat(compose(bomb.toString(), problem -> "")).isEmpty();
        assertThat(problems).containsExactly(DOCUMENT_LINE + ": the text is refused:"
                + " Number of aliases for non-scalar nodes exceeds the specified max="
                + OperatorYaml.MAX_COLLECTION_ALIASES);
    }

    @Test
    void reportsAControlCharacterAtItsLine() {
        assertThat(compose("a: 1\nb: x\u0007\n", problem -> "")).isEmpty();

        assertThat(problems).containsExactly("11: the text contains control character U+0007");
    }

    private Optional<Node> compose(String yaml, UnaryOperator<String> hint) {
        OperatorYaml reader = new OperatorYaml("the text", position -> lineAt(yaml, position), DOCUMENT_LINE,
                (line, message) -> problems.add(line + ": " + message));
        return reader.compose(yaml, hint);
    }

    private static int lineAt(String yaml, int position) {
        return FIRST_LINE + (int) yaml.codePoints().limit(position).filter(c -> c == '\n').count();
    }
}
