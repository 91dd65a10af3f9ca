package org.broadside.render;

/** Which rendering a recipient gets: the member email, or the press-release format for press lists. */
public enum Format {
    MEMBER("member"),
    PRESS("press");

    private final String key;

    Format(String key) {
        this.key = key;
    }

    /** The name used in the ledger and in template file names. */
    public String key() {
        return key;
    }
}
