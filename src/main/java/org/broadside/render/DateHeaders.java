package org.broadside.render;

import jakarta.mail.internet.MailDateFormat;
import java.time.Instant;
import java.util.Date;

/**
 * Date header values, formatted as {@code MimeMessage.setSentDate} formats them, once per second: the emails of a
 * blast are dated within the same few seconds, and setSentDate formats each one afresh under a lock that every
 * sending thread shares.
 */
final class DateHeaders {
    private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    private record Formatted(long epochSecond, String value) {
    }

    String of(Instant date) {
        Formatted formatted = last;
        if (formatted.epochSecond() != date.getEpochSecond()) {
            // A format of its own: MailDateFormat is not thread-safe, and this happens once a second.
            formatted = new Formatted(date.getEpochSecond(), new MailDateFormat().format(Date.from(date)));
            last = formatted;
        }
        return formatted.value();
    }
}
