package org.broadside.validation;

import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML an operator wrote as a node tree, hardened alike for every reader, or reports why it cannot, each
 * problem at its line of the operator's file. Nodes rather than constructed objects, so that every value keeps its
 * line and stays the text that was written: {@code 2026-12-18} is not turned into a date, nor {@code no} into a
 * boolean, behind the reader's back.
 */
public final class OperatorYaml {
    /** Operator YAML is a few levels deep; far deeper is hostile, and would overflow the composer's stack. */
    public static final int MAX_DEPTH = 20;
    /** Operator YAML has no use for aliases; a few are tolerated, many are an alias bomb. */
    public static final int MAX_COLLECTION_ALIASES = 10;

    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setSchema(new CoreSchema())
            .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
            .setAllowRecursiveKeys(false)
            // Each reader reports a key that is not a single value, with a line, rather than snakeyaml without one.
            .setAllowNonScalarKeys(true)
            .build();

    /** Where problems go, each with the line of the operator's file at which to show it. */
    @FunctionalInterface
    public interface Problems {
        void add(int line, String message);
    }

    private final String subject;
    private final IntUnaryOperator lineAt;
    private final int documentLine;
    private final Problems problems;

    /**
     * @param subject      what messages call the YAML, as the operator knows it: "file", "front matter"
     * @param lineAt       the line of the operator's file at a position in the YAML, which snakeyaml counts in code
     *                     points; the reader counts lines, since only it knows where the YAML starts in the file
     * @param documentLine the line for a problem with no position, such as a limit exceeded: 0 when the YAML is the
     *                     whole file
     * @param problems     where each problem goes; a reader collects them all, so that the operator fixes all at once
     */
    public OperatorYaml(String subject, IntUnaryOperator lineAt, int documentLine, Problems problems) {
        this.subject = subject;
        this.lineAt = lineAt;
        this.documentLine = documentLine;
        this.problems = problems;
    }

    /** {@link #compose(String, UnaryOperator)} without a hint. */
    public Optional<Node> compose(String yaml) {
        return compose(yaml, problem -> "");
    }

    /**
     * The root node; an empty mapping for YAML of comments only, which every reader takes as a mapping with no
     * entries. Empty when the YAML cannot be read, which has then been reported.
     *
     * @param hint what to add to snakeyaml's wording of a syntax error (given on one line), for a mistake the
     *             reader's operators make often; "" for none
     */
    public Optional<Node> compose(String yaml, UnaryOperator<String> hint) {
        try {
            if (!withinDepth(yaml)) {
                return Optional.empty();
            }
            return Optional.of(new Compose(SETTINGS).composeString(yaml)
                    .orElseGet(() -> new MappingNode(Tag.MAP, List.of(), FlowStyle.BLOCK)));
        } catch (MarkedYamlEngineException e) {
            problems.add(lineOf(e.getProblemMark()), subject + " is not valid YAML: " + describe(e, hint));
        } catch (ReaderException e) {
            problems.add(lineAt.applyAsInt(e.getPosition()),
                    String.format("%s contains control character U+%04X", subject, e.getCodePoint()));
        } catch (YamlEngineException e) {
            // Only limits, such as the alias limit, are reported without a position.
            problems.add(documentLine, subject + " is refused: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Checks nesting on the event stream, read without recursion, before composing, which recurses. */
    private boolean withinDepth(String yaml) {
        int depth = 0;
        for (Event event : new Parse(SETTINGS).parseString(yaml)) {
            if (event instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
                problems.add(lineOf(event.getStartMark()),
                        subject + " nests lists or mappings more than " + MAX_DEPTH + " levels deep");
                return false;
            }
            if (event instanceof CollectionEndEvent) {
                depth--;
            }
        }
        return true;
    }

    /** snakeyaml's own wording, on one line, with where the construct it was reading began. */
    private String describe(MarkedYamlEngineException e, UnaryOperator<String> hint) {
        String problem = oneLine(e.getProblem());
        problem += hint.apply(problem);
        String context = oneLine(e.getContext());
        if (context.isEmpty() || e.getContextMark().isEmpty()) {
            return problem;
        }
        return problem + " (" + context + " at line " + lineOf(e.getContextMark()) + ")";
    }

    /** Marks are kept when parsing, so the fallback is only there to spare a crash. */
    private int lineOf(Optional<Mark> mark) {
        return mark.map(m -> lineAt.applyAsInt(m.getIndex())).orElse(documentLine);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
