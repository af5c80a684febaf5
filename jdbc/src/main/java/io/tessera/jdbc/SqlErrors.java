package io.tessera.jdbc;

import io.tessera.engine.TesseraException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;

/**
 * Turns Tessera's errors into the {@link SQLException} subclass and SQLState a JDBC client expects,
 * with the command line's message. The cause is the {@link TesseraException}, which carries the
 * line and column of an error in the statement's text.
 */
final class SqlErrors {
    /** SQLState of a cancelled statement, and of one stopped by its timeout (as PostgreSQL). */
    static final String CANCELLED = "57014";

    private SqlErrors() {
    }

    static SQLException of(TesseraException e) {
        String message = e.getMessage();
        return switch (e.category()) {
            case SYNTAX -> new SQLSyntaxErrorException(message, "42601", e);
            case NAME -> new SQLSyntaxErrorException(message, "42704", e);
            case SHAPE, TYPE -> new SQLSyntaxErrorException(message, "42804", e);
            case ARGUMENT -> new SQLDataException(message, "22023", e);
            case DATA -> new SQLDataException(message, "22000", e);
            case UNSUPPORTED -> new SQLFeatureNotSupportedException(message, "0A000", e);
            case IO -> new SQLNonTransientException(message, "58030", e);
            case MEMORY -> new SQLTransientException(message, "53200", e);
            case CANCELLED -> new SQLException(message, CANCELLED, e);
            case INTERNAL -> new SQLException(message, "XX000", e);
        };
    }

    static SQLException closedConnection() {
        return new SQLNonTransientConnectionException("connection closed", "08003");
    }

    static SQLException closedStatement() {
        return new SQLNonTransientException("statement closed", "HY010");
    }

    static SQLTimeoutException timeout(int seconds, TesseraException e) {
        return new SQLTimeoutException("statement cancelled: it ran past its timeout of " + seconds + " s",
                CANCELLED, e);
    }

    /**
     * The Tessera error inside what Avatica threw (it wraps our errors with its own words), as its
     * SQL form; other failures as they are.
     */
    static SQLException unwrap(Exception thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof Raised raised) {
                return raised.error;
            }
            if (cause instanceof TesseraException tessera) {
                return of(tessera);
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql;
            }
        }
        return thrown instanceof SQLException sql ? sql : new SQLException(String.valueOf(thrown.getMessage()),
                "XX000", thrown);
    }

    /** An {@link SQLException} made where Avatica only lets runtime exceptions through; {@link #unwrap} finds it. */
    static final class Raised extends RuntimeException {
        private final SQLException error;

        Raised(SQLException error) {
            super(error.getMessage(), error);
            this.error = error;
        }
    }
}
