package io.tessera.grammar.ast;

/** {@code TRUE} or {@code FALSE}. */
public record BoolLiteral(boolean value, Position position) implements Expr {
}
