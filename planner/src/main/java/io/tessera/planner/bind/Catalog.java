package io.tessera.planner.bind;

import io.tessera.grammar.ast.Expr;
import io.tessera.grammar.ast.Query;
import java.util.List;
import java.util.Optional;

/** What the binder may look up beyond a statement: views, user functions and settings. */
public interface Catalog {
    /**
     * A view: an expression, or a query whose items are its arrays; {@code seed} is the base of the
     * seeds its unseeded random generators use, drawn when it was created.
     */
    record View(String name, Expr expr, Query query, String text, long seed) {
    }

    /** A user function: an expression over its parameters. */
    record Function(String name, List<String> parameters, Expr body, String text) {
    }

    Optional<View> view(String name);

    Optional<Function> function(String name);

    List<String> viewNames();

    List<String> functionNames();

    /** The target size of chunks the engine chooses itself, in bytes. */
    long chunkBytes();

    /** A catalog with nothing in it. */
    static Catalog empty(long chunkBytes) {
        return new Catalog() {
            @Override
            public Optional<View> view(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<Function> function(String name) {
                return Optional.empty();
            }

            @Override
            public List<String> viewNames() {
                return List.of();
            }

            @Override
            public List<String> functionNames() {
                return List.of();
            }

            @Override
            public long chunkBytes() {
                return chunkBytes;
            }
        };
    }
}
