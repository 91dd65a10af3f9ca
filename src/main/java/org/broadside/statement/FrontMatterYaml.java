package org.broadside.statement;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads front matter as a YAML node tree. Nodes rather than constructed objects, so that every value
 * keeps its line and stays the string that was written: {@code 2026-12-18} is not turned into a date,
 * nor {@code no} into a boolean, behind the parser's back.
 */
final class FrontMatterYaml {
    /** Front matter is two levels deep; far deeper is hostile, and would overflow the composer's stack. */
    static final int MAX_DEPTH = 20;
    /** Front matter has no use for aliases; a few are tolerated, many are an alias bomb. */
    static final int MAX_COLLECTION_ALIASES = 10;

    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setSchema(new CoreSchema())
            .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
            .setAllowRecursiveKeys(false)
            // Reported by KeyedMapping, with a line, rather than by snakeyaml without one.
            .setAllowNonScalarKeys(true)
            .build();

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
        try {
            if (!withinDepth(yaml)) {
                return Optional.empty();
            }
            Node root = new Compose(SETTINGS).composeString(yaml)
                    .orElseGet(() -> new MappingNode(Tag.MAP, List.of(), FlowStyle.BLOCK));
            if (root instanceof MappingNode mapping) {
                return Optional.of(mapping);
            }
            problems.add(lines.lineOf(root), "front matter must be 'key: value' lines, not " + Field.describe(root));
        } catch (MarkedYamlEngineException e) {
            problems.add(lines.lineOf(e.getProblemMark()), "front matter is not valid YAML: " + describe(e));
        } catch (ReaderException e) {
            problems.add(lines.lineAt(e.getPosition()),
                    String.format("front matter contains control character U+%04X", e.getCodePoint()));
        } catch (YamlEngineException e) {
            // Only limits, such as the alias limit, are reported without a position.
            problems.add(lines.firstLine(), "front matter is refused: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Checks nesting on the event stream, read without recursion, before composing, which recurses. */
    private boolean withinDepth(String yaml) {
        int depth = 0;
        for (Event event : new Parse(SETTINGS).parseString(yaml)) {
            if (event instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
                problems.add(lines.lineOf(event.getStartMark()),
                        "front matter nests lists or mappings more than " + MAX_DEPTH + " levels deep");
                return false;
            }
            if (event instanceof CollectionEndEvent) {
                depth--;
            }
        }
        return true;
    }

    /** snakeyaml's own wording, on one line, with where the construct it was reading began. */
    private String describe(MarkedYamlEngineException e) {
        String problem = oneLine(e.getProblem()) + hint(e.getProblem());
        String context = e.getContext() == null ? "" : oneLine(e.getContext());
        if (context.isEmpty() || e.getContextMark().isEmpty()) {
            return problem;
        }
        return problem + " (" + context + " at line " + lines.lineOf(e.getContextMark()) + ")";
    }

    /**
     * The YAML mistake people make most with statements is a title such as {@code Migrants Day: a call}
     * whose ": " YAML reads as a second key; snakeyaml's wording does not say how to fix it.
     */
    private static String hint(String problem) {
        return problem != null && problem.contains("mapping values are not allowed")
                ? "; a value containing ': ' must be quoted, e.g. title: 'Migrants Day: a call'"
                : "";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
