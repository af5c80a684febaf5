package io.tessera.grammar.ast;

/** A name: a FROM binding, a view, a WITH item, a function parameter, or one of nan, inf, newaxis. */
public record Name(String name, Position position) implements Expr {
}
