package io.tessera.grammar.ast;

/** {@code DROP VIEW [IF EXISTS] name}. */
public record DropView(String name, boolean ifExists, Position position) implements Statement {
}
