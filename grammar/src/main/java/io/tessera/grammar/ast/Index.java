package io.tessera.grammar.ast;

import java.util.List;

/** {@code target[item, ...]}. */
public record Index(Expr target, List<IndexItem> items, Position position) implements Expr {
    public Index {
        items = List.copyOf(items);
    }
}
