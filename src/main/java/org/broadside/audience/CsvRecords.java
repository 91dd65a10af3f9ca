package org.broadside.audience;

import java.io.IOException;
import java.util.List;

/**
 * Writes CSV records as RFC 4180 says (CRLF endings, quotes where needed), with values that a spreadsheet
 * would run as formulas defused as {@link SpreadsheetFormulas} describes: every CSV Broadside prints goes
 * through here, since operators open them in spreadsheets.
 */
public final class CsvRecords {
    private static final String RECORD_END = "\r\n";

    private CsvRecords() {
    }

    /** Writes one record; a null field is written empty. */
    public static void write(List<String> fields, Appendable out) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String value = fields.get(i);
            out.append(value == null ? "" : quotedIfNeeded(SpreadsheetFormulas.guard(value)));
        }
        out.append(RECORD_END);
    }

    private static String quotedIfNeeded(String value) {
        boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
