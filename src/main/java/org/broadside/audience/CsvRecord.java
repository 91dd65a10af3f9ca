package org.broadside.audience;

import java.util.List;

/**
 * One record of a CSV file.
 *
 * @param line        the physical line it starts on, 1-based
 * @param lastLine    the physical line it ends on: later than {@code line} when a quoted field spans lines
 * @param fields      the values, unquoted and unescaped, otherwise exactly as written
 * @param malformation the first way the record breaks RFC 4180, or null
 */
record CsvRecord(int line, int lastLine, List<String> fields, Malformation malformation) {

    CsvRecord {
        fields = List.copyOf(fields);
    }

    /** An empty or blank line carries nothing; hand-edited files often end with a few. */
    boolean isEmpty() {
        return malformation == null && fields.size() == 1 && fields.get(0).isBlank();
    }

    /** Where and how a record breaks RFC 4180; {@code field} is the 0-based position of the culprit. */
    record Malformation(int field, Kind kind) {
    }

    enum Kind {
        QUOTE_IN_UNQUOTED_FIELD,
        TEXT_AFTER_CLOSING_QUOTE,
        QUOTE_NEVER_CLOSED
    }
}
