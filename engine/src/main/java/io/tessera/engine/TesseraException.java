package io.tessera.engine;

/**
 * The one exception a user of Tessera sees: a message, a category, and for errors in the query
 * text the line and column (both 0 when unknown).
 */
public class TesseraException extends RuntimeException {
    /** What kind of error it is. */
    public enum Category {
        /** The text does not parse. */
        SYNTAX,
        /** An unknown or ambiguous name, view, function or dataset. */
        NAME,
        /** Shapes that do not broadcast or fit. */
        SHAPE,
        /** A dtype that does not fit the operation. */
        TYPE,
        /** A bad argument to a function or statement. */
        ARGUMENT,
        /** Something the language defines that Tessera does not do yet. */
        UNSUPPORTED,
        /** A file that is missing, unreadable, damaged or outside the data root. */
        IO,
        /** A value that makes the computation impossible. */
        DATA,
        /** More memory than the limit allows. */
        MEMORY,
        /** The statement was cancelled. */
        CANCELLED,
        /** A bug in Tessera. */
        INTERNAL
    }

    private final Category category;
    private final int line;
    private final int column;

    public TesseraException(Category category, String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.category = category;
        this.line = line;
        this.column = column;
    }

    public TesseraException(Category category, String message) {
        this(category, message, 0, 0, null);
    }

    public Category category() {
        return category;
    }

    /** The 1-based line of the error in the query text, or 0. */
    public int line() {
        return line;
    }

    /** The 1-based column of the error in the query text, or 0. */
    public int column() {
        return column;
    }

    /** True when the error has a place in the query text. */
    public boolean hasPosition() {
        return line > 0;
    }
}
