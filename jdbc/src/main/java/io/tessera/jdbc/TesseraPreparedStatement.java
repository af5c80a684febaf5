package io.tessera.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.sql.NClob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.Meta;

/**
 * A prepared statement: {@code ?} stands for a scalar (a number, a boolean or a string) wherever the
 * language takes a literal. Streams, LOBs and other SQL objects are not Tessera values.
 */
final class TesseraPreparedStatement extends AvaticaPreparedStatement {
    TesseraPreparedStatement(AvaticaConnection connection, Meta.StatementHandle h, Meta.Signature signature,
            int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        ResultSet rows;
        try {
            rows = super.executeQuery();
        } catch (SQLException e) {
            throw SqlErrors.unwrap(e);
        }
        if (rows == null) {
            throw new SQLException("the statement answers no rows: run it with execute or executeUpdate", "07000");
        }
        return rows;
    }

    /** The columns of the last result; null before the statement has run (they depend on what it reads). */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        ResultSet rows = getResultSet();
        return rows == null ? null : rows.getMetaData();
    }

    @Override
    public boolean execute() throws SQLException {
        try {
            return super.execute();
        } catch (SQLException e) {
            throw SqlErrors.unwrap(e);
        }
    }

    /** Runs any statement; rows it answers (a SELECT's, an INTO's) are dropped, and the count is 0. */
    @Override
    public long executeLargeUpdate() throws SQLException {
        if (execute()) {
            getResultSet().close();
        }
        return Math.max(getLargeUpdateCount(), 0);
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

    /** Not synchronized as Avatica's is: a prepared statement holds its monitor while it runs. */
    @Override
    public void cancel() throws SQLException {
        Statements.cancel(this, cancelFlag);
    }

    /** Any scalar, whatever SQL type it is said to be: the literal is made from the value itself. */
    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        setObject(parameterIndex, x);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        setObject(parameterIndex, x);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        setString(parameterIndex, value);
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        throw notAValue("RowId");
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        throw notAValue("a character stream");
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        throw notAValue("a character stream");
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        throw notAValue("NClob");
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        throw notAValue("NClob");
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        throw notAValue("NClob");
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        throw notAValue("Clob");
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        throw notAValue("Clob");
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        throw notAValue("Blob");
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        throw notAValue("Blob");
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        throw notAValue("SQLXML");
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        throw notAValue("a stream");
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        throw notAValue("a stream");
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        throw notAValue("a stream");
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        throw notAValue("a stream");
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        throw notAValue("a character stream");
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        throw notAValue("a character stream");
    }

    private static SQLFeatureNotSupportedException notAValue(String what) {
        return new SQLFeatureNotSupportedException(what + " is not a Tessera value: parameters are numbers, booleans "
                + "and strings", "0A000");
    }
}
