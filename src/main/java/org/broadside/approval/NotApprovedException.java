package org.broadside.approval;

import java.util.List;

/** A release was asked for content that is not approved as it stands; nothing was rendered or sent. */
public class NotApprovedException extends RuntimeException {
    private final List<String> reasons;

    public NotApprovedException(List<String> reasons) {
        super(String.join("\n", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
