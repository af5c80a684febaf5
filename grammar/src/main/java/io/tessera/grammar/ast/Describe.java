package io.tessera.grammar.ast;

/** {@code DESCRIBE expr} or {@code DESCRIBE SELECT ...}: exactly one of expr and query is set. */
public record Describe(Expr expr, Query query, Position position) implements Statement {
}
