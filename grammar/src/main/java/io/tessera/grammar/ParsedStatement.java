package io.tessera.grammar;

import io.tessera.grammar.ast.Statement;

/** A statement and the text it was parsed from (without the trailing semicolon). */
public record ParsedStatement(Statement statement, String text) {
}
