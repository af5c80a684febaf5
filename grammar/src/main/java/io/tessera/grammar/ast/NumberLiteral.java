package io.tessera.grammar.ast;

/** A number as written: {@code 1}, {@code 2.5}, {@code 1e-6}; integral when it has no point or exponent. */
public record NumberLiteral(String text, boolean integral, Position position) implements Expr {
}
