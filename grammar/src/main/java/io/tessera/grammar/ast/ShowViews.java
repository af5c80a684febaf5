package io.tessera.grammar.ast;

/** {@code SHOW VIEWS}. */
public record ShowViews(Position position) implements Statement {
}
