package org.broadside.statement;

/** What a text is; a press release carries the press-release header and end mark in every format. */
public enum Kind {
    STATEMENT("statement"),
    PRESS_RELEASE("press-release");

    private final String key;

    Kind(String key) {
        this.key = key;
    }

    /** The value as written in front matter. */
    public String key() {
        return key;
    }
}
