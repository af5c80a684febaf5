package io.tessera.grammar.ast;

/** {@code CREATE [OR REPLACE] VIEW name AS expr|query}: exactly one of expr and query is set. */
public record CreateView(String name, boolean orReplace, Expr expr, Query query, Position position)
        implements Statement {
    public CreateView {
        if ((expr == null) == (query == null)) {
            throw new IllegalArgumentException("a view has an expression or a query");
        }
    }
}
