package io.tessera.grammar.ast;

import java.util.List;

/** {@code (a, b)}, {@code (a,)} or {@code ()}. */
public record TupleLiteral(List<Expr> items, Position position) implements Expr {
    public TupleLiteral {
        items = List.copyOf(items);
    }
}
