package io.tessera.grammar.ast;

import java.util.List;

/** {@code CREATE [OR REPLACE] FUNCTION name(params) AS expr}: an expression macro. */
public record CreateFunction(String name, boolean orReplace, List<String> parameters, Expr body, Position position)
        implements Statement {
    public CreateFunction {
        parameters = List.copyOf(parameters);
    }
}
