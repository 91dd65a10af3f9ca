package org.broadside.dispatch;

import java.sql.Connection;
import java.sql.SQLException;

/** Told of every failed delivery attempt, in the ledger's transaction (the release pauses itself on too many). */
@FunctionalInterface
public interface FailureListener {
    void failed(String releaseId, String reply, Connection connection) throws SQLException;
}
