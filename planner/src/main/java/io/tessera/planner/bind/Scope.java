package io.tessera.planner.bind;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Names visible to an expression, innermost first: function parameters, FROM bindings, WITH items. */
final class Scope {
    private final Scope parent;
    private final Map<String, Value> names = new LinkedHashMap<>();
    private final Map<String, Integer> bindings = new LinkedHashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    static Scope root() {
        return new Scope(null);
    }

    /** Binds a name; a name bound twice in one scope is ambiguous unless reached through an alias. */
    void bind(String name, Value value) {
        bindings.merge(name, 1, Integer::sum);
        names.put(name, value);
    }

    /** The value of a name, or empty; fails when the name is ambiguous here. */
    Optional<Value> lookup(String name) {
        Value value = names.get(name);
        if (value != null) {
            return Optional.of(value);
        }
        return parent == null ? Optional.empty() : parent.lookup(name);
    }

    /** How many FROM entries bound this name in the innermost scope that has it. */
    int bindingCount(String name) {
        if (names.containsKey(name)) {
            return bindings.get(name);
        }
        return parent == null ? 0 : parent.bindingCount(name);
    }

    Set<String> allNames() {
        Set<String> all = new LinkedHashSet<>(names.keySet());
        if (parent != null) {
            all.addAll(parent.allNames());
        }
        return all;
    }
}
