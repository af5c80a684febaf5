package io.tessera.planner.bind;

import io.tessera.executor.sink.SinkSpec;
import java.util.List;

/** A SELECT after binding: named items (arrays or strings) and the sink, if any. */
public record BoundQuery(List<Item> items, SinkSpec into) {
    /** One SELECT item: an array, or a string such as {@code x.dtype}. */
    public record Item(String name, Value value) {
    }

    public BoundQuery {
        items = List.copyOf(items);
    }
}
