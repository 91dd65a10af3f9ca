package org.broadside.web;

import java.util.Locale;

/** What an operator may do in the console, each role including the ones before it. */
public enum Role {
    /** Submits, previews, schedules, pauses, resumes and cancels releases; manages contacts. */
    EDITOR,
    /** Also approves statements (pins their content hash). */
    APPROVER,
    /** Everything. */
    ADMIN;

    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the roles there are */
    public static Role of(String key) {
        for (Role role : values()) {
            if (role.key().equals(key)) {
                return role;
            }
        }
        throw new IllegalArgumentException("no role '" + key + "' (editor, approver or admin)");
    }
}
