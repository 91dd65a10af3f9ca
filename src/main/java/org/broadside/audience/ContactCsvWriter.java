package org.broadside.audience;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes contacts as CSV with the import's header, so that an export can be edited and imported again.
 * Records end in CRLF and fields are quoted as RFC 4180 says; values that a spreadsheet would run as
 * formulas are defused as {@link SpreadsheetFormulas} describes, and the import undoes that.
 */
public final class ContactCsvWriter {
    private static final String RECORD_END = "\r\n";

    public void write(Iterable<Contact> contacts, Appendable out) throws IOException {
        writeRecord(ContactColumn.headers(), out);
        for (Contact contact : contacts) {
            writeRecord(fields(contact), out);
        }
    }

    private static List<String> fields(Contact contact) {
        return Stream.of(contact.address(), contact.country(), contact.organization(), contact.contactName(),
                        contact.language(), contact.timezone(), String.join(";", new TreeSet<>(contact.lists())))
                .map(value -> value == null ? "" : SpreadsheetFormulas.guard(value))
                .toList();
    }

    private static void writeRecord(List<String> fields, Appendable out) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quotedIfNeeded(fields.get(i)));
        }
        out.append(RECORD_END);
    }

    private static String quotedIfNeeded(String value) {
        boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
