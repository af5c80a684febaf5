package io.tessera.grammar.ast;

/** {@code target.name}: an attribute such as {@code x.shape}, or a dataset of an aliased source. */
public record Attribute(Expr target, String name, Position position) implements Expr {
}
