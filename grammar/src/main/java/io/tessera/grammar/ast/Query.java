package io.tessera.grammar.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code [WITH ...] SELECT items [FROM bindings] [INTO sink]}.
 *
 * @param into the sink call, or null when the result comes back to the caller
 */
public record Query(List<WithItem> with, List<SelectItem> items, List<Binding> from, Call into, Position position)
        implements Statement {
    public Query {
        with = List.copyOf(with);
        items = List.copyOf(items);
        from = List.copyOf(from);
        Objects.requireNonNull(position, "position is null");
    }
}
