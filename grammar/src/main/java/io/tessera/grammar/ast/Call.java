package io.tessera.grammar.ast;

import java.util.List;
import java.util.Optional;

/** {@code name(positional..., named => value...)}. */
public record Call(String name, List<Expr> arguments, List<NamedArgument> namedArguments, Position position)
        implements Expr {
    public Call {
        arguments = List.copyOf(arguments);
        namedArguments = List.copyOf(namedArguments);
    }

    /** The named argument called {@code argumentName}, if given. */
    public Optional<Expr> named(String argumentName) {
        return namedArguments.stream().filter(a -> a.name().equals(argumentName)).map(NamedArgument::value).findFirst();
    }
}
