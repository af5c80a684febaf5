package io.tessera.engine;

/** A statement that needs more memory than {@code memory_limit} allows: reduce it, or write it with INTO. */
public final class LimitException extends TesseraException {
    LimitException(Category category, String message, int line, int column, Throwable cause) {
        super(category, message, line, column, cause);
    }
}
