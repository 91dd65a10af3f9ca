package org.broadside.render;

import jakarta.mail.internet.InternetAddress;

/**
 * Header values folded exactly as Jakarta Mail folds them ({@code MimeUtility.fold}, and for an address header
 * {@code InternetAddress.toString(Address[], int)}), for values already checked to hold no CR or LF
 * ({@link HeaderValues#singleLine}). Jakarta Mail first makes every value "safe" through a BufferedReader, a 16 KB
 * buffer per call; a message's To and List-Unsubscribe headers made two of those per email for nothing.
 *
 * <p>The rule: a header line keeps within 76 characters where it can. A value that does not fit is broken before a
 * space or tab (CRLF, then that space or tab starts the next line), at the last one that keeps the line within the
 * limit, else at the first one after it; only the first of several spaces in a row is a place to break. Trailing
 * spaces and tabs are dropped, and so is a first line left blank (a value that starts with a space breaks there).
 */
final class HeaderFolding {
    private static final int LINE = 76;

    private HeaderFolding() {
    }

    /**
     * @param used  the characters already on the header's first line (the name, colon and space)
     * @param value a value without CR or LF
     */
    static String fold(int used, String value) {
        String rest = withoutTrailingSpace(value);
        if (used + rest.length() <= LINE) {
            return rest;
        }
        StringBuilder folded = new StringBuilder(rest.length() + 8);
        boolean afterSpace = false; // the character before rest's first is a space or tab
        while (used + rest.length() > LINE) {
            int at = breakPoint(rest, used, afterSpace);
            if (at < 0) {
                break;
            }
            if (at == 0 && folded.length() == 0) {
                folded.append(rest.charAt(0)); // Jakarta Mail drops the blank first line this break would leave
            } else {
                folded.append(rest, 0, at).append("\r\n").append(rest.charAt(at));
            }
            rest = rest.substring(at + 1);
            used = 1;
            afterSpace = true;
        }
        return folded.append(rest).toString();
    }

    /**
     * The value of a To (or any single-address) header as Jakarta Mail's setters write it: the address, folded,
     * and moved to a line of its own when its first line would not fit after the header's name.
     */
    static String address(String header, InternetAddress address) {
        String folded = fold(0, address.toString());
        int firstLine = folded.indexOf("\r\n");
        int used = header.length() + 2;
        return used + (firstLine < 0 ? folded.length() : firstLine) > LINE ? "\r\n\t" + folded : folded;
    }

    /** Where to break {@code rest}: a space or tab not after another; -1 if there is none. */
    private static int breakPoint(String rest, int used, boolean afterSpace) {
        int last = -1;
        boolean previousSpace = afterSpace;
        for (int i = 0; i < rest.length(); i++) {
            if (last >= 0 && used + i > LINE) {
                break; // past the limit and a break point found: the last one within it (or the first after)
            }
            boolean space = isSpace(rest.charAt(i));
            if (space && !previousSpace) {
                last = i;
            }
            previousSpace = space;
        }
        return last;
    }

    private static String withoutTrailingSpace(String value) {
        int end = value.length();
        while (end > 0 && isSpace(value.charAt(end - 1))) {
            end--;
        }
        return end == value.length() ? value : value.substring(0, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
