package org.broadside.statement;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads {@code kind} by the key each {@link Kind} is written as. */
final class KindReader {

    private KindReader() {
    }

    static Kind kind(Field field, Problems problems) {
        String written = field.singleLine(problems);
        if (written == null) {
            return null;
        }
        for (Kind kind : Kind.values()) {
            if (kind.key().equals(written)) {
                return kind;
            }
        }
        field.reportValue(written, "is not one of " + Arrays.stream(Kind.values())
                .map(kind -> "'" + kind.key() + "'")
                .collect(Collectors.joining(", ")), problems);
        return null;
    }
}
