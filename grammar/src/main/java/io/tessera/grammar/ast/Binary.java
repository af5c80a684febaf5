package io.tessera.grammar.ast;

/** {@code left op right}. */
public record Binary(BinaryOperator operator, Expr left, Expr right, Position position) implements Expr {
}
