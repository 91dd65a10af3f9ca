package org.broadside.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;

/** The one statement that writes sent outcomes to the deliveries table, however they were recorded. */
final class SentRows {
    private SentRows() {
    }

    /**
     * Marks the deliveries sent, in the caller's transaction. A delivery that already has another outcome keeps it
     * (a bounce can arrive before a journaled outcome reaches the table); one that was given back to the queue in
     * the meantime (its sender was taken for dead) is sent all the same, since the server accepted it.
     */
    static void write(Connection connection, List<SentOutcome> outcomes) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE deliveries SET state = 'SENT',"
                + " last_reply = ?, updated_at = ?, sent_at = ? WHERE id = ? AND state IN ('PENDING', 'SENDING')")) {
            for (SentOutcome outcome : outcomes) {
                update.setString(1, outcome.reply());
                update.setObject(2, outcome.sentAt().atOffset(ZoneOffset.UTC));
                update.setObject(3, outcome.sentAt().atOffset(ZoneOffset.UTC));
                update.setLong(4, outcome.deliveryId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
