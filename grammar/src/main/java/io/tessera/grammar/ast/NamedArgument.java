package io.tessera.grammar.ast;

/** {@code name => value} inside a call. */
public record NamedArgument(String name, Expr value, Position position) {
}
