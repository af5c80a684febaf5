package io.tessera.grammar.ast;

import java.util.Objects;

/**
 * One entry of FROM: a source expression or a sub-select, with an optional alias. Exactly one of
 * source and query is set.
 */
public record Binding(Expr source, Query query, String alias, Position position) {
    public Binding {
        if ((source == null) == (query == null)) {
            throw new IllegalArgumentException("a binding has a source or a query");
        }
        Objects.requireNonNull(position, "position is null");
    }
}
