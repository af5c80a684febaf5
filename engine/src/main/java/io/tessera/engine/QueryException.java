package io.tessera.engine;

/**
 * A statement Tessera will not run as written: its syntax, a name, shapes or dtypes that do not fit,
 * a bad argument, or something the language has that Tessera does not do yet. Found before any data
 * is read; {@link #line()} and {@link #column()} say where in the text, when it has a place there.
 */
public final class QueryException extends TesseraException {
    QueryException(Category category, String message, int line, int column, Throwable cause) {
        super(category, message, line, column, cause);
    }
}
