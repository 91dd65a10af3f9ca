package org.broadside.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.broadside.audience.CsvRecords;

/**
 * A release's report as CSV, one row per delivery in send order: what {@code broadside report} prints and the
 * console downloads. {@code soft_bounces} counts the temporary failures the bounce mailbox reported after the
 * server accepted the message (a full mailbox, a delay); a hard bounce fails the delivery instead. Written as the ledger is read, never all in memory.
 */
public final class DeliveryReport {
    public static final List<String> HEADER = List.of("email", "country", "language", "format", "timezone", "state",
            "attempts", "soft_bounces", "send_at_utc", "sent_at_utc", "last_reply");

    private final Ledger ledger;

    public DeliveryReport(Ledger ledger) {
        this.ledger = ledger;
    }

    public void writeCsv(String releaseId, Appendable out) throws IOException {
        CsvRecords.write(HEADER, out);
        try {
            ledger.forEachReportRow(releaseId, row -> {
                try {
                    CsvRecords.write(Arrays.asList(row.recipient(), row.country(), row.language(), row.format(),
                            row.timezone(), row.state().name().toLowerCase(Locale.ROOT),
                            Integer.toString(row.attempts()), Integer.toString(row.softBounces()),
                            String.valueOf(row.sendAt()), row.sentAt() == null ? null : row.sentAt().toString(),
                            row.lastReply()), out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
