package org.broadside.statement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadside.validation.Quoted;
import org.broadside.validation.Suggestions;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The entries of one YAML mapping, checked against the keys it may have. An unknown key is reported
 * with the known key it resembles, a repeated key with the line of the first, which is the one read.
 */
final class KeyedMapping {
    private final String name;
    private final int missingKeyLine;
    private final Problems problems;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    /**
     * @param name           null for the front matter itself, else the key the mapping is the value of
     * @param missingKeyLine where a missing required key is reported
     */
    KeyedMapping(MappingNode mapping, String name, List<String> knownKeys, int missingKeyLine,
            LineMap lines, Problems problems) {
        this.name = name;
        this.missingKeyLine = missingKeyLine;
        this.problems = problems;
        for (NodeTuple entry : mapping.getValue()) {
            int line = lines.lineOf(entry.getKeyNode());
            if (entry.getKeyNode() instanceof ScalarNode keyNode) {
                add(keyNode.getValue(), entry, line, knownKeys, lines);
            } else {
                problems.add(line, "a key" + in() + " must be a name, not " + Field.describe(entry.getKeyNode()));
            }
        }
    }

    private void add(String key, NodeTuple entry, int line, List<String> knownKeys, LineMap lines) {
        if (!knownKeys.contains(key)) {
            problems.add(line, "unknown key " + Quoted.of(key) + in() + Suggestions.didYouMean(key, knownKeys));
        } else if (fields.containsKey(key)) {
            int firstLine = fields.get(key).line();
            problems.add(line, "duplicate key '" + key + "'" + in() + " (first at line " + firstLine + ")");
        } else {
            String fieldName = name == null ? key : name + " " + key;
            fields.put(key, new Field(fieldName, entry.getValueNode(), line, lines));
        }
    }

    private String in() {
        return name == null ? "" : " in " + name;
    }

    /** Present with a value: a key written with nothing after the colon counts as absent. */
    boolean hasValue(String key) {
        return fields.containsKey(key) && !fields.get(key).isEmpty();
    }

    int lineOf(String key) {
        return fields.containsKey(key) ? fields.get(key).line() : missingKeyLine;
    }

    /** The value, or null when it is missing, empty or wrong (reported). */
    <T> T required(String key, FieldReader<T> reader) {
        Field field = fields.get(key);
        if (field == null) {
            problems.add(missingKeyLine, "missing required key '" + key + "'" + in());
            return null;
        }
        if (field.isEmpty()) {
            field.report("is empty", problems);
            return null;
        }
        return reader.read(field, problems);
    }

    /** The value; empty when it is absent, written empty, or wrong (reported). */
    <T> Optional<T> optional(String key, FieldReader<T> reader) {
        return hasValue(key) ? Optional.ofNullable(reader.read(fields.get(key), problems)) : Optional.empty();
    }
}
