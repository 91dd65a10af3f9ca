package org.broadside.testing;

/**
 * Mail as it arrives in a bounce mailbox, byte for byte: delivery status notifications (RFC 3464) in the form
 * Postfix writes them, and the other mail a bounce address gets.
 */
public final class DeliveryReports {
    private DeliveryReports() {
    }

    /**
     * A DSN from the recipient's server for one recipient.
     *
     * @param to         the address the DSN is sent to: the original message's envelope sender
     * @param recipient  the address that failed
     * @param action     failed, delayed, delivered…
     * @param status     e.g. 5.1.1
     * @param diagnostic the SMTP reply, e.g. "550 5.1.1 user unknown"; written folded over two lines
     */
    public static String dsn(String to, String recipient, String action, String status, String diagnostic) {
        return headers(to, "Undelivered Mail Returned to Sender",
                "multipart/report; report-type=delivery-status;\r\n\tboundary=\"B2027.0501/mx.kasama.example\"")
                + "This is a MIME-encapsulated message.\r\n"
                + "\r\n"
                + "--B2027.0501/mx.kasama.example\r\n"
                + "Content-Description: Notification\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "\r\n"
                + "This is the mail system at host mx.kasama.example.\r\n"
                + "\r\n"
                + "I'm sorry to have to inform you that your message could not\r\n"
                + "be delivered to one or more recipients.\r\n"
                + "\r\n"
                + "--B2027.0501/mx.kasama.example\r\n"
                + "Content-Description: Delivery report\r\n"
                + "Content-Type: message/delivery-status\r\n"
                + "\r\n"
                + "Reporting-MTA: dns; mx.kasama.example\r\n"
                + "X-Postfix-Queue-ID: 4Q1XYZ2kbRz3\r\n"
                + "Arrival-Date: Sat,  1 May 2027 09:00:03 +0800 (PST)\r\n"
                + "\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\n"
                + "Original-Recipient: rfc822;" + recipient + "\r\n"
                + "Action: " + action + "\r\n"
                + "Status: " + status + "\r\n"
                + "Remote-MTA: dns; mailstore.kasama.example\r\n"
                + "Diagnostic-Code: smtp; " + folded(diagnostic) + "\r\n"
                + "\r\n"
                + "--B2027.0501/mx.kasama.example\r\n"
                + "Content-Description: Undelivered Message Headers\r\n"
                + "Content-Type: text/rfc822-headers\r\n"
                + "\r\n"
                + "From: International Migrants Alliance <news@alliance.example>\r\n"
                + "To: " + recipient + "\r\n"
                + "Subject: Workers' Day 2027\r\n"
                + "\r\n"
                + "--B2027.0501/mx.kasama.example--\r\n";
    }

    /** An autoresponder's reply to the envelope sender: mail, but no delivery status notification. */
    public static String outOfOffice(String to) {
        return headers(to, "Out of office: Workers' Day 2027", "text/plain; charset=us-ascii")
                + "I am away until 10 May and will read your message then.\r\n";
    }

    private static String headers(String to, String subject, String contentType) {
        return "Date: Sat, 1 May 2027 09:00:05 +0800\r\n"
                + "From: MAILER-DAEMON@mx.kasama.example (Mail Delivery System)\r\n"
                + "Subject: " + subject + "\r\n"
                + "To: " + to + "\r\n"
                + "Auto-Submitted: auto-replied\r\n"
                + "Message-Id: <20270501010005." + Math.abs(to.hashCode() + subject.hashCode()) + "@mx.kasama.example>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "\r\n";
    }

    /** Long diagnostics come folded; the reader must unfold them. */
    private static String folded(String diagnostic) {
        int space = diagnostic.indexOf(' ', diagnostic.length() / 2);
        return space < 0 ? diagnostic : diagnostic.substring(0, space) + "\r\n    " + diagnostic.substring(space + 1);
    }
}
