package io.tessera.grammar.ast;

/** {@code SHOW FUNCTIONS}. */
public record ShowFunctions(Position position) implements Statement {
}
