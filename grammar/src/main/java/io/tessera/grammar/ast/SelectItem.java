package io.tessera.grammar.ast;

import java.util.Objects;

/** {@code expr [AS alias]}; alias is null when not written. */
public record SelectItem(Expr expr, String alias) {
    public SelectItem {
        Objects.requireNonNull(expr, "expr is null");
    }
}
