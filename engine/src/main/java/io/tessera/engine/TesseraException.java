package io.tessera.engine;

/**
 * What a user of Tessera sees when a statement fails: a message, a category, and for errors in the
 * query text the line and column (both 0 when unknown). It comes as the subclass that says what to
 * do about it: {@link QueryException} (the statement is wrong: fix it), {@link DataException} (a
 * file or a value is: fix that), {@link LimitException} (it needs more memory than allowed),
 * {@link CancelledException}; a bug in Tessera is a plain {@code TesseraException}. Make one with
 * {@link #of}, which picks the subclass from the category.
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

    protected TesseraException(Category category, String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.category = category;
        this.line = line;
        this.column = column;
    }

    /** The exception of {@code category}'s kind, at {@code line} and {@code column} of the text (0 when none). */
    public static TesseraException of(Category category, String message, int line, int column, Throwable cause) {
        return switch (category) {
            case SYNTAX, NAME, SHAPE, TYPE, ARGUMENT, UNSUPPORTED ->
                    new QueryException(category, message, line, column, cause);
            case IO, DATA -> new DataException(category, message, line, column, cause);
            case MEMORY -> new LimitException(category, message, line, column, cause);
            case CANCELLED -> new CancelledException(category, message, line, column, cause);
            case INTERNAL -> new TesseraException(category, message, line, column, cause);
        };
    }

    /** As {@link #of(Category, String, int, int, Throwable)}, with no place in the text and no cause. */
    public static TesseraException of(Category category, String message) {
        return of(category, message, 0, 0, null);
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
