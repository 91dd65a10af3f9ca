package org.broadside.audience;

/**
 * Keeps exported values from running as formulas when an operator opens the export in a spreadsheet
 * (CSV injection): a value starting with {@code = + - @} is written with a leading apostrophe, which
 * spreadsheets take as "this is text". The import removes that apostrophe again, so export → import
 * gives back the same contacts; the price is that a value genuinely starting with, say, {@code '=}
 * loses its apostrophe, which no real name or address does. Tab and CR, the other characters that start
 * a formula, cannot occur: the import refuses control characters.
 */
final class SpreadsheetFormulas {
    private static final String TRIGGERS = "=+-@";

    private SpreadsheetFormulas() {
    }

    static String guard(String value) {
        return startsWithTrigger(value, 0) ? "'" + value : value;
    }

    static String unguard(String value) {
        return value.startsWith("'") && startsWithTrigger(value, 1) ? value.substring(1) : value;
    }

    private static boolean startsWithTrigger(String value, int at) {
        return value.length() > at && TRIGGERS.indexOf(value.charAt(at)) >= 0;
    }
}
