package io.tessera.grammar.ast;

import java.util.Objects;

/** {@code name AS (expr)} or {@code name AS (SELECT ...)}: exactly one of expr and query is set. */
public record WithItem(String name, Expr expr, Query query, Position position) {
    public WithItem {
        Objects.requireNonNull(name, "name is null");
        if ((expr == null) == (query == null)) {
            throw new IllegalArgumentException("a WITH item has an expression or a query");
        }
    }
}
