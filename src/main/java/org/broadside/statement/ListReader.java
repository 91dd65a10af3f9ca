package org.broadside.statement;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a YAML list whose items are read by one item reader. A single value is not taken for a list
 * of one: {@code hashtags: migrants, refugees} would silently become one tag with a comma.
 */
final class ListReader {

    private ListReader() {
    }

    /** @param itemName what messages call one item: {@code hashtag} */
    static <T> FieldReader<List<T>> of(String itemName, FieldReader<T> itemReader) {
        return (field, problems) -> {
            if (!(field.node() instanceof SequenceNode list)) {
                field.report("must be a list, not " + Field.describe(field.node()), problems);
                return null;
            }
            int problemsBefore = problems.count();
            List<T> items = new ArrayList<>();
            for (Node node : list.getValue()) {
                Field item = field.nested(itemName, node);
                if (item.isEmpty()) {
                    problems.add(item.line(), field.name() + " has an empty item");
                } else {
                    items.add(itemReader.read(item, problems));
                }
            }
            return problems.count() == problemsBefore ? items : null;
        };
    }
}
