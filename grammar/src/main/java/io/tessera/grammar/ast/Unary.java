package io.tessera.grammar.ast;

/** {@code -x}, {@code +x} or {@code NOT x}. */
public record Unary(UnaryOperator operator, Expr operand, Position position) implements Expr {
}
