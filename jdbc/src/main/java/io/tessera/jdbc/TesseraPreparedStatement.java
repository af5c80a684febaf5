package io.tessera.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.sql.NClob;
import java.sql.ResultSet;
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
        try {
            return super.executeQuery();
        } catch (SQLException e) {
            throw SqlErrors.unwrap(e);
        }
    }

    @Override
    public boolean execute() throws SQLException {
        try {
            return super.execute();
        } catch (SQLException e) {
            throw SqlErrors.unwrap(e);
        }
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        try {
            return super.executeLargeUpdate();
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

    /** Not synchronized as Avatica's is: a prepared statement holds its monitor while it runs. */
    @Override
    public void cancel() throws SQLException {
        if (isClosed()) {
            throw SqlErrors.closed();
        }
        cancelFlag.set(true);
        ((TesseraConnection) connection).tesseraMeta().cancel(handle);
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
