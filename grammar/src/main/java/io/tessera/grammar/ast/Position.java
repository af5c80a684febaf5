package io.tessera.grammar.ast;

/** A place in the query text: 1-based line and column, as error messages print them. */
public record Position(int line, int column) {
    public static final Position UNKNOWN = new Position(0, 0);

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
