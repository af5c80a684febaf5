package io.tessera.grammar;

import io.tessera.grammar.ast.Position;

/** A query that does not parse; carries the place of the first error. */
public final class SyntaxException extends RuntimeException {
    private final transient Position position;
    private final String detail;

    public SyntaxException(String detail, Position position) {
        super("syntax error at " + position + ": " + detail);
        this.detail = detail;
        this.position = position;
    }

    public Position position() {
        return position;
    }

    /** The message without its position. */
    public String detail() {
        return detail;
    }
}
