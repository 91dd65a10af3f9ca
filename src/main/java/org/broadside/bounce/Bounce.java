package org.broadside.bounce;

/**
 * What a delivery status notification says happened to one delivery.
 *
 * @param status     the enhanced status code (RFC 3463), e.g. {@code 5.1.1}
 * @param diagnostic the receiving server's own words, e.g. {@code 550 5.1.1 <x@y>: user unknown}; may be null
 */
public record Bounce(Kind kind, String status, String diagnostic) {

    public enum Kind {
        /** Permanent: the address does not take mail. It is suppressed. */
        HARD,
        /** Temporary, or still being tried: counted against the delivery, nobody suppressed. */
        SOFT
    }

    /** As the delivery's last reply shows it in the report. */
    public String reply() {
        String label = kind == Kind.HARD ? "bounced: " : "soft bounce: ";
        return label + status + (diagnostic == null ? "" : " " + diagnostic);
    }

    /** The suppression's reason: short, since the diagnostic goes into its detail. */
    public String suppressionReason() {
        return "bounced " + status;
    }
}
