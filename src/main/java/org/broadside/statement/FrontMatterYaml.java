package org.broadside.statement;

import java.util.Optional;
import org.broadside.validation.OperatorYaml;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads front matter as a YAML node tree, hardened as all operator YAML is (see {@link OperatorYaml}), with its
 * lines counted from where the front matter starts in the statement.
 */
final class FrontMatterYaml {
    private final LineMap lines;
    private final Problems problems;

    FrontMatterYaml(LineMap lines, Problems problems) {
        this.lines = lines;
        this.problems = problems;
    }

    /**
     * The mapping at the root of the front matter; an empty one for empty front matter, so that missing
     * keys are still reported. Empty when the YAML cannot be read, which has then been reported.
     */
    Optional<MappingNode> root(String yaml) {
        // A limit concerns the front matter as a whole, so it is shown at its first line.
        return new OperatorYaml("front matter", lines::lineAt, lines.firstLine(), problems::add)
                .compose(yaml, FrontMatterYaml::hint)
                .flatMap(this::mapping);
    }

    private Optional<MappingNode> mapping(Node root) {
        if (root instanceof MappingNode mapping) {
            return Optional.of(mapping);
        }
        problems.add(lines.lineOf(root), "front matter must be 'key: value' lines, not " + Field.describe(root));
        return Optional.empty();
    }

    /**
     * The YAML mistake people make most with statements is a title such as {@code Migrants Day: a call}
     * whose ": " YAML reads as a second key; snakeyaml's wording does not say how to fix it.
     */
    private static String hint(String problem) {
        return problem.contains("mapping values are not allowed")
                ? "; a value containing ': ' must be quoted, e.g. title: 'Migrants Day: a call'"
                : "";
    }
}
