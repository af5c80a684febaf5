package io.tessera.grammar.ast;

import java.util.List;

/** {@code [a, b, ...]}: an integer list inside an index. */
public record ListLiteral(List<Expr> items, Position position) implements Expr {
    public ListLiteral {
        items = List.copyOf(items);
    }
}
