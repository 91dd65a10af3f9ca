package org.broadside.audience;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.broadside.validation.Quoted;
import org.broadside.validation.Suggestions;

/**
 * The header row of a contacts file: which column sits where. Names are matched ignoring case and
 * surrounding spaces, as spreadsheets tend to capitalise them.
 */
final class ContactHeader {
    private final List<String> names;
    private final Map<ContactColumn, Integer> positions;

    private ContactHeader(List<String> names, Map<ContactColumn, Integer> positions) {
        this.names = names;
        this.positions = positions;
    }

    /** Reads the header, adding to {@code problems} everything wrong with it; use the header only if none was added. */
    static ContactHeader read(List<String> fields, List<String> problems) {
        List<String> names = fields.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        Map<ContactColumn, Integer> positions = new EnumMap<>(ContactColumn.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Optional<ContactColumn> column = ContactColumn.named(name);
            if (name.isEmpty()) {
                problems.add("column " + (i + 1) + " has no name");
            } else if (column.isEmpty()) {
                problems.add(unknown(fields.get(i).strip(), name));
            } else if (positions.containsKey(column.get())) {
                problems.add("duplicate column " + Quoted.of(name)
                        + " (columns " + (positions.get(column.get()) + 1) + " and " + (i + 1) + ")");
            } else {
                positions.put(column.get(), i);
            }
        }
        for (ContactColumn column : ContactColumn.values()) {
            if (column.required() && !positions.containsKey(column)) {
                problems.add("missing required column " + Quoted.of(column.header()));
            }
        }
        return new ContactHeader(names, positions);
    }

    private static String unknown(String written, String name) {
        return "unknown column " + Quoted.of(written) + Suggestions.closest(name, ContactColumn.headers())
                .map(Suggestions::didYouMean)
                .orElse(" (the columns are " + String.join(", ", ContactColumn.headers()) + ")");
    }

    int width() {
        return names.size();
    }

    String nameAt(int position) {
        return names.get(position);
    }

    /** The field under {@code column}, or null when the file has no such column. */
    String field(List<String> fields, ContactColumn column) {
        Integer position = positions.get(column);
        return position == null ? null : fields.get(position);
    }
}
