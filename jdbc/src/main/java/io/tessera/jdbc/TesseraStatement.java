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

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        try {
            return super.executeLargeUpdate(sql);
        } catch (SQLException e) {
            throw SqlErrors.unwrap(e);
        }
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        try {
            return super.executeLargeBatch();
        } catch (SQLException e) {
            throw SqlErrors.unwrap(e);
        }
    }

    /** Not synchronized as Avatica's is: it must reach a statement that holds the monitor while it runs. */
    @Override
    public void cancel() throws SQLException {
        if (isClosed()) {
            throw SqlErrors.closed();
        }
        cancelFlag.set(true);
        ((TesseraConnection) connection).tesseraMeta().cancel(handle);
    }
}
