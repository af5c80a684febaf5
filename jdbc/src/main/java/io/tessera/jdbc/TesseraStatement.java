package io.tessera.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/** A statement whose errors are Tessera's (with SQLState) and whose {@link #cancel()} stops the engine. */
final class TesseraStatement extends AvaticaStatement {
    TesseraStatement(AvaticaConnection connection, Meta.StatementHandle h, int resultSetType,
            int resultSetConcurrency, int resultSetHoldability) {
        super(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        try {
            return super.execute(sql);
        } catch (SQLException e) {
            throw SqlErrors.unwrap(e);
        }
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        try {
            return super.executeQuery(sql);
        } catch (SQLException e) {
            throw SqlErrors.unwrap(e);
        }
    }

    /** Runs any statement; rows it answers (a SELECT's, an INTO's) are dropped, and the count is 0. */
    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        try {
            if (super.execute(sql)) {
                getResultSet().close();
            }
            return Math.max(getLargeUpdateCount(), 0);
        } catch (SQLException e) {
            throw SqlErrors.unwrap(e);
        }
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        try {
            return super.executeLargeBatch();
        } catch (SQLException | RuntimeException e) {
            throw Statements.batchError(SqlErrors.unwrap(e));
        }
    }

    /**
     * Stops the statement if it runs, then closes it: Avatica's close waits for the statement's
     * monitor, which a running statement holds.
     */
    @Override
    public void close() throws SQLException {
        if (!isClosed()) {
            Statements.cancel(this, cancelFlag);
        }
        super.close();
    }

    /** Not synchronized as Avatica's is: it must reach a statement that holds the monitor while it runs. */
    @Override
    public void cancel() throws SQLException {
        Statements.cancel(this, cancelFlag);
    }
}
