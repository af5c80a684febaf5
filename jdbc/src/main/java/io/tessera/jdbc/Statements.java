package io.tessera.jdbc;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.AvaticaStatement;

/** What both kinds of statement do alike: cancel, and the error of a failed batch. */
final class Statements {
    private Statements() {
    }

    /**
     * Stops the statement if it is running (or waiting for the connection); with nothing running,
     * does nothing. Avatica's flag is set only for a running statement, so an earlier cancel does
     * not break the rows of a result already read.
     */
    static void cancel(AvaticaStatement statement, AtomicBoolean cancelFlag) throws SQLException {
        if (statement.isClosed()) {
            throw SqlErrors.closedStatement();
        }
        TesseraConnection connection = (TesseraConnection) statement.getConnection();
        if (connection.tesseraMeta().cancel(statement.handle)) {
            cancelFlag.set(true);
        }
    }

    static BatchUpdateException batchError(SQLException e) {
        return new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(), new long[0], e);
    }
}
