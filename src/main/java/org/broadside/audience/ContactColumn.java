package org.broadside.audience;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The columns of a contacts CSV file, in the order the export writes them. */
enum ContactColumn {
    EMAIL("email", true),
    COUNTRY("country", true),
    ORGANIZATION("organization", false),
    CONTACT_NAME("contact_name", false),
    LANGUAGE("language", false),
    TIMEZONE("timezone", false),
    LISTS("lists", false);

    private final String header;
    private final boolean required;

    ContactColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    String header() {
        return header;
    }

    boolean required() {
        return required;
    }

    static Optional<ContactColumn> named(String header) {
        return Arrays.stream(values()).filter(column -> column.header.equals(header)).findFirst();
    }

    static List<String> headers() {
        return Arrays.stream(values()).map(ContactColumn::header).toList();
    }
}
