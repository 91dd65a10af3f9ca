package org.broadside.render;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DateHeadersTest {

    @Test
    void givesWhatSetSentDateWritesWithinASecondAndAcrossSeconds() throws Exception {
        DateHeaders dates = new DateHeaders();
        Instant start = Instant.parse("2026-12-18T00:59:59.250Z");
        for (long millis = 0; millis < 3_000; millis += 125) {
            Instant date = start.plusMillis(millis);
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setSentDate(Date.from(date));

            assertThat(dates.of(date)).as("%s", date).isEqualTo(message.getHeader("Date", null));
        }
    }
}
