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
    public void write(Iterable<Contact> contacts, Appendable out) throws IOException {
        CsvRecords.write(ContactColumn.headers(), out);
        for (Contact contact : contacts) {
            CsvRecords.write(fields(contact), out);
        }
    }

    private static List<String> fields(Contact contact) {
        return Stream.of(contact.address(), contact.country(), contact.organization(), contact.contactName(),
                        contact.language(), contact.timezone(), String.join(";", new TreeSet<>(contact.lists())))
                .toList();
    }
}
