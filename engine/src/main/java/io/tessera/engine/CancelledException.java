package io.tessera.engine;

/** A statement stopped by {@link Session#cancel()} (Ctrl-C in the shell, {@code Statement.cancel()} over JDBC). */
public final class CancelledException extends TesseraException {
    CancelledException(Category category, String message, int line, int column, Throwable cause) {
        super(category, message, line, column, cause);
    }
}
