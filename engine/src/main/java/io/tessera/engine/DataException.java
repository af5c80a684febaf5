package io.tessera.engine;

/**
 * A statement that failed on its data: a file missing, unreadable, damaged or outside the data root
 * ({@link Category#IO}), or values that make the computation impossible ({@link Category#DATA}).
 */
public final class DataException extends TesseraException {
    DataException(Category category, String message, int line, int column, Throwable cause) {
        super(category, message, line, column, cause);
    }
}
