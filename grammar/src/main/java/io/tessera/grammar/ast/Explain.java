package io.tessera.grammar.ast;

/** {@code EXPLAIN [ANALYZE] query}. */
public record Explain(boolean analyze, Query query, Position position) implements Statement {
}
