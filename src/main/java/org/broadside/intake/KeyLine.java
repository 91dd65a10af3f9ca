package org.broadside.intake;

/**
 * Finds the line of a top-level front-matter key in a statement that already parsed, so that problems found
 * against the database (an unknown original, a language already taken) still point at a line.
 */
public final class KeyLine {
    private KeyLine() {
    }

    public static int of(String source, String key) {
        String[] lines = source.split("\r?\n", -1);
        for (int i = 1; i < lines.length && !lines[i].strip().equals("---"); i++) {
            if (lines[i].startsWith(key + ":") || lines[i].startsWith(key + " :")) {
                return i + 1;
            }
        }
        return 1;
    }
}
