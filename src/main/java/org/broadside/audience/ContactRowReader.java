package org.broadside.audience;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.broadside.validation.ControlCharacters;
import org.broadside.validation.Quoted;

/** Turns one data row into a {@link Contact}, or says everything wrong with it at once. */
final class ContactRowReader {
    private final ContactHeader header;
    private final String list;

    ContactRowReader(ContactHeader header, String list) {
        this.header = header;
        this.list = list;
    }

    /**
     * The outcome for one row.
     *
     * @param address  the address as written when it is valid, even if other fields are not, so that the
     *                 caller can still spot it twice in a file; else null
     * @param contact  null unless the row has no problem
     * @param problems what is wrong, without file and line
     */
    record Row(String address, Contact contact, List<String> problems) {
    }

    /** A column's check: the value to store, or null after adding what is wrong to {@code problems}. */
    @FunctionalInterface
    private interface Rule<T> {
        T check(String value, List<String> problems);
    }

    Row read(List<String> fields) {
        List<String> problems = new ArrayList<>();
        String address = value(fields, ContactColumn.EMAIL, ContactFields::email, problems);
        String country = value(fields, ContactColumn.COUNTRY, ContactFields::country, problems);
        String organization = value(fields, ContactColumn.ORGANIZATION,
                (value, found) -> ContactFields.name(ContactColumn.ORGANIZATION, value, found), problems);
        String contactName = value(fields, ContactColumn.CONTACT_NAME,
                (value, found) -> ContactFields.name(ContactColumn.CONTACT_NAME, value, found), problems);
        String language = value(fields, ContactColumn.LANGUAGE, ContactFields::language, problems);
        String timezone = value(fields, ContactColumn.TIMEZONE, ContactFields::timezone, problems);
        Set<String> lists = new HashSet<>(Set.of(list));
        Set<String> listed = value(fields, ContactColumn.LISTS, ContactFields::lists, problems);
        if (listed != null) {
            lists.addAll(listed);
        }
        Contact contact = problems.isEmpty()
                ? new Contact(Contact.normalise(address), address, country, organization, contactName,
                        language, timezone, lists)
                : null;
        return new Row(address, contact, problems);
    }

    /**
     * Checks one field. Control characters are looked for before stripping, so that a line break at the end
     * of a quoted field is refused rather than silently dropped. Surrounding spaces never mean anything in
     * these columns, and an empty optional field means unknown.
     */
    private <T> T value(List<String> fields, ContactColumn column, Rule<T> rule, List<String> problems) {
        String field = header.field(fields, column);
        if (field != null && hasControlCharacter(column, field, problems)) {
            return null;
        }
        String value = field == null ? "" : SpreadsheetFormulas.unguard(field.strip());
        if (value.isEmpty()) {
            if (column.required()) {
                problems.add(column.header() + " is empty");
            }
            return null;
        }
        return rule.check(value, problems);
    }

    private static boolean hasControlCharacter(ContactColumn column, String field, List<String> problems) {
        OptionalInt found = ControlCharacters.firstForbiddenInOneLine(field);
        if (found.isEmpty()) {
            return false;
        }
        String shown = column.header() + " " + Quoted.of(field);
        problems.add(ControlCharacters.isLineBreak(found.getAsInt())
                ? shown + " contains a line break, which no field may hold"
                : shown + String.format(" contains the control character U+%04X, which no field may hold",
                        found.getAsInt()));
        return true;
    }
}
