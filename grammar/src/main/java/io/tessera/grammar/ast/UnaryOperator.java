package io.tessera.grammar.ast;

/** The prefix operators. */
public enum UnaryOperator {
    NEGATE, PLUS, NOT
}
