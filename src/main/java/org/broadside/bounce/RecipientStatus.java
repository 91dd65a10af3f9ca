package org.broadside.bounce;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadside.validation.ControlCharacters;

/**
 * The fields of one per-recipient block of a delivery status notification that decide what it means.
 *
 * @param action     {@code failed}, {@code delayed}, {@code delivered}, {@code relayed} or {@code expanded}
 * @param status     the enhanced status code (RFC 3463), e.g. {@code 4.2.2}; null when the block has none that parses
 * @param diagnostic the Diagnostic-Code without its type, e.g. {@code 552 4.2.2 mailbox full}; may be null
 */
record RecipientStatus(String action, String status, String diagnostic) {
    private static final Pattern STATUS = Pattern.compile("\\s*([245]\\.\\d{1,3}\\.\\d{1,3})\\b.*", Pattern.DOTALL);

    /** Reads the raw field values as RFC 3464 writes them: the action may carry a comment, the status too. */
    static RecipientStatus of(String action, String status, String diagnosticCode) {
        String firstWord = action.strip().split("[\\s(;]", 2)[0].toLowerCase(Locale.ROOT);
        Matcher code = status == null ? null : STATUS.matcher(status);
        String statusCode = code != null && code.matches() ? code.group(1) : null;
        return new RecipientStatus(firstWord, statusCode, withoutType(diagnosticCode));
    }

    /**
     * A failure with a permanent (5.x.x) status is a hard bounce. A failure with a temporary (4.x.x) status, where
     * a server gave up retrying, and a delay notice are soft. Anything else, or a failure without a status to
     * tell which, is no bounce.
     */
    Optional<Bounce> bounce() {
        if (action.equals("failed") && status != null && status.startsWith("5.")) {
            return Optional.of(new Bounce(Bounce.Kind.HARD, status, diagnostic));
        }
        boolean temporaryFailure = action.equals("failed") && status != null && status.startsWith("4.");
        if (temporaryFailure || action.equals("delayed")) {
            return Optional.of(new Bounce(Bounce.Kind.SOFT, status == null ? action : status, diagnostic));
        }
        return Optional.empty();
    }

    /**
     * "smtp; 550 5.1.1 user unknown" → "550 5.1.1 user unknown", on one line and without control characters:
     * the text comes from a stranger's server and ends up in the report an operator reads in a terminal.
     */
    private static String withoutType(String diagnosticCode) {
        if (diagnosticCode == null || diagnosticCode.isBlank()) {
            return null;
        }
        int semicolon = diagnosticCode.indexOf(';');
        String text = semicolon >= 0 ? diagnosticCode.substring(semicolon + 1) : diagnosticCode;
        StringBuilder plain = new StringBuilder(text.length());
        text.codePoints().forEach(c -> plain.appendCodePoint(ControlCharacters.isControl(c) ? ' ' : c));
        String oneLine = plain.toString().replaceAll(" +", " ").strip();
        return oneLine.isEmpty() ? null : oneLine;
    }
}
