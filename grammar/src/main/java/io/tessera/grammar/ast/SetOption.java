package io.tessera.grammar.ast;

/** {@code SET name = value}. */
public record SetOption(String name, Expr value, Position position) implements Statement {
}
