package io.tessera.executor;

/** A failure while reading or computing, with a kind that callers turn into an error category. */
public class ExecutorException extends RuntimeException {
    /** What went wrong, broadly. */
    public enum Kind {
        /** A file is missing, unreadable, truncated or not of the expected format. */
        IO,
        /** A value makes the computation impossible (e.g. an integer to a negative power). */
        DATA,
        /** The memory limit does not allow the plan. */
        MEMORY,
        /** The statement was cancelled. */
        CANCELLED,
        /** A feature that the storage or engine does not handle. */
        UNSUPPORTED
    }

    private final Kind kind;

    public ExecutorException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ExecutorException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
