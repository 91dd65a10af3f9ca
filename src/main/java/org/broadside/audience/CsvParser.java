package org.broadside.audience;

import java.util.ArrayList;
import java.util.List;
import org.broadside.audience.CsvRecord.Kind;
import org.broadside.audience.CsvRecord.Malformation;

/**
 * Splits RFC 4180 text into records, counting physical lines as it goes so that a problem is reported on
 * the line the operator's editor shows, even after a quoted field that spans lines.
 *
 * <p>A record ends at LF or CRLF outside quotes. A lone CR stays in its field, where validation refuses
 * it like any other control character. A malformed record is still read to its end, leniently, so that
 * the records after it keep their line numbers.
 */
final class CsvParser {
    private final String text;
    private int position;
    private int line = 1;

    CsvParser(String text) {
        this.text = text;
    }

    List<CsvRecord> records() {
        List<CsvRecord> records = new ArrayList<>();
        while (position < text.length()) {
            CsvRecord record = nextRecord();
            if (!record.isEmpty()) {
                records.add(record);
            }
        }
        return records;
    }

    private CsvRecord nextRecord() {
        int firstLine = line;
        List<String> fields = new ArrayList<>();
        Malformation malformation = null;
        int lastLine;
        boolean moreFields;
        do {
            StringBuilder field = new StringBuilder();
            Kind problem = peek() == '"' ? readQuoted(field) : readUnquoted(field);
            if (malformation == null && problem != null) {
                malformation = new Malformation(fields.size(), problem);
            }
            fields.add(field.toString());
            lastLine = line;
            moreFields = consumeSeparator();
        } while (moreFields);
        return new CsvRecord(firstLine, lastLine, fields, malformation);
    }

    private Kind readQuoted(StringBuilder field) {
        position++;
        while (true) {
            if (position == text.length()) {
                return Kind.QUOTE_NEVER_CLOSED;
            }
            char c = text.charAt(position++);
            if (c == '"') {
                if (peek() != '"') {
                    break;
                }
                position++;
            } else if (c == '\n') {
                line++;
            }
            field.append(c);
        }
        if (atFieldEnd()) {
            return null;
        }
        readUnquoted(field);
        return Kind.TEXT_AFTER_CLOSING_QUOTE;
    }

    private Kind readUnquoted(StringBuilder field) {
        Kind problem = null;
        while (!atFieldEnd()) {
            char c = text.charAt(position++);
            if (c == '"') {
                problem = Kind.QUOTE_IN_UNQUOTED_FIELD;
            }
            field.append(c);
        }
        return problem;
    }

    private boolean atFieldEnd() {
        return position == text.length() || peek() == ',' || peek() == '\n' || atCrLf();
    }

    /** Consumes what follows a field: true after a comma, false at the end of the record. */
    private boolean consumeSeparator() {
        if (position == text.length()) {
            return false;
        }
        if (peek() == ',') {
            position++;
            return true;
        }
        position += atCrLf() ? 2 : 1;
        line++;
        return false;
    }

    private boolean atCrLf() {
        return peek() == '\r' && position + 1 < text.length() && text.charAt(position + 1) == '\n';
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }
}
