package io.tessera.planner.bind;

import io.tessera.planner.rel.ArrayRel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an expression binds to. */
public sealed interface Value {
    /**
     * An array. {@code weak} marks a Python-style literal scalar, which does not widen the dtype of
     * the arrays it meets (NumPy 2's rule); {@code name} is what a SELECT item would be called.
     */
    record Array(ArrayRel rel, boolean weak, String name) implements Value {
        public Array withName(String newName) {
            return new Array(rel, weak, newName);
        }
    }

    /** A tuple, such as a shape or a list of axes. */
    record Tuple(List<Value> items) implements Value {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    /** A string, such as a path or a dtype name. */
    record Text(String value) implements Value {
    }

    /** Several named arrays: the datasets of a file, or the items of a sub-select. */
    record Arrays(String description, Map<String, Array> arrays) implements Value {
        public Arrays {
            arrays = new LinkedHashMap<>(arrays);
        }
    }
}
