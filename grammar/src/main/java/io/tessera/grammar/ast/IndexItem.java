package io.tessera.grammar.ast;

/** One item between the brackets of an index. */
public sealed interface IndexItem {
    Position position();

    /** An expression: an integer, {@code newaxis}, an integer list or a boolean mask. */
    record Single(Expr expr, Position position) implements IndexItem {
    }

    /** {@code start:stop:step}, each part null when left out. */
    record Slice(Expr start, Expr stop, Expr step, Position position) implements IndexItem {
    }

    /** {@code ...}. */
    record Ellipsis(Position position) implements IndexItem {
    }
}
