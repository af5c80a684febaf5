package io.tessera.grammar.ast;

/** {@code 'text'}, with quotes removed and doubled quotes undone. */
public record StringLiteral(String value, Position position) implements Expr {
}
