package io.tessera.planner.bind;

import io.tessera.executor.expr.ScalarExpr;
import io.tessera.grammar.ast.Call;
import io.tessera.grammar.ast.Expr;
import io.tessera.grammar.ast.NamedArgument;
import io.tessera.grammar.ast.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A call's arguments matched to a function's parameters (positional first, then by name), with
 * checked access to them as arrays, integers, strings and tuples.
 */
final class Arguments {
    private final String function;
    private final Position position;
    private final Map<String, Value> values = new LinkedHashMap<>();
    private final Map<String, Position> positions = new LinkedHashMap<>();

    private Arguments(String function, Position position) {
        this.function = function;
        this.position = position;
    }

    /**
     * Matches a call's arguments to {@code parameters}, of which the first {@code required} must be
     * given; {@code bind} binds each argument expression.
     */
    static Arguments match(Call call, List<String> parameters, int required, Function<Expr, Value> bind) {
        Arguments arguments = new Arguments(call.name(), call.position());
        List<Expr> positional = call.arguments();
        if (positional.size() > parameters.size()) {
            throw new BindException(BindException.Category.ARGUMENT, call.name() + "() takes at most "
                    + parameters.size() + " argument" + (parameters.size() == 1 ? "" : "s") + " ("
                    + String.join(", ", parameters) + "), " + positional.size() + " given", call.position());
        }
        for (int i = 0; i < positional.size(); i++) {
            arguments.put(parameters.get(i), bind.apply(positional.get(i)), positional.get(i).position());
        }
        for (NamedArgument named : call.namedArguments()) {
            if (!parameters.contains(named.name())) {
                throw new BindException(BindException.Category.ARGUMENT, call.name() + "() has no argument '"
                        + named.name() + "'" + Suggestions.closest(named.name(), parameters)
                        + (parameters.isEmpty() ? "" : " (it takes " + String.join(", ", parameters) + ")"),
                        named.position());
            }
            if (arguments.values.containsKey(named.name())) {
                throw new BindException(BindException.Category.ARGUMENT, call.name() + "() got argument '"
                        + named.name() + "' twice", named.position());
            }
            arguments.put(named.name(), bind.apply(named.value()), named.position());
        }
        for (int i = 0; i < required; i++) {
            if (!arguments.values.containsKey(parameters.get(i))) {
                throw new BindException(BindException.Category.ARGUMENT, call.name() + "() is missing argument '"
                        + parameters.get(i) + "'", call.position());
            }
        }
        return arguments;
    }

    private void put(String name, Value value, Position at) {
        values.put(name, value);
        positions.put(name, at);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Optional<Value> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    Position position(String name) {
        return positions.getOrDefault(name, position);
    }

    BindException error(String name, String message) {
        return new BindException(BindException.Category.ARGUMENT, function + "(): " + message, position(name));
    }

    Value.Array array(String name) {
        Value value = values.get(name);
        if (value instanceof Value.Array array) {
            return array;
        }
        if (value instanceof Value.Arrays arrays && arrays.arrays().size() == 1) {
            return arrays.arrays().values().iterator().next();
        }
        throw error(name, "argument '" + name + "' must be an array, not " + describe(value));
    }

    /** An integer constant argument. */
    Optional<Long> integer(String name) {
        Value value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(integerValue(value, name));
    }

    private long integerValue(Value value, String name) {
        if (value instanceof Value.Array array) {
            Optional<ScalarExpr.Constant> constant = Constants.evaluate(array.rel());
            if (constant.isPresent() && !constant.get().dtype().isFloat()) {
                return constant.get().bits();
            }
        }
        throw error(name, "argument '" + name + "' must be an integer constant, not " + describe(value));
    }

    /** A number constant argument, as a double. */
    Optional<Double> number(String name) {
        Value value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Value.Array array) {
            Optional<ScalarExpr.Constant> constant = Constants.evaluate(array.rel());
            if (constant.isPresent()) {
                return Optional.of(constant.get().asDouble());
            }
        }
        throw error(name, "argument '" + name + "' must be a number, not " + describe(value));
    }

    Optional<Boolean> bool(String name) {
        Value value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Value.Array array) {
            Optional<ScalarExpr.Constant> constant = Constants.evaluate(array.rel());
            if (constant.isPresent() && !constant.get().dtype().isFloat()) {
                return Optional.of(constant.get().bits() != 0);
            }
        }
        throw error(name, "argument '" + name + "' must be TRUE or FALSE, not " + describe(value));
    }

    Optional<String> string(String name) {
        Value value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Value.Text text) {
            return Optional.of(text.value());
        }
        throw error(name, "argument '" + name + "' must be a string, not " + describe(value));
    }

    /** Integers given as one integer or a tuple of them (a shape, a list of axes). */
    Optional<long[]> integers(String name) {
        Value value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Value.Tuple tuple) {
            long[] result = new long[tuple.items().size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = integerValue(tuple.items().get(i), name);
            }
            return Optional.of(result);
        }
        return Optional.of(new long[] {integerValue(value, name)});
    }

    /**
     * A chunks argument for an array of {@code rank} axes (or {@code alternativeRank}, as stack's
     * chunks may leave out the new axis): null for 'auto', else one size per axis, -1 for a whole
     * axis; a single size applies to every axis.
     */
    long[] chunkSizes(String name, int rank, int alternativeRank) {
        Value value = values.get(name);
        if (value instanceof Value.Text text) {
            if (text.value().equals("auto")) {
                return null;
            }
            throw error(name, name + " must be 'auto', a size or a tuple of sizes, not '" + text.value() + "'");
        }
        long[] sizes = integers(name).orElseThrow();
        if (sizes.length == 1 && rank != 1 && !(value instanceof Value.Tuple)) {
            long[] all = new long[alternativeRank];
            java.util.Arrays.fill(all, sizes[0]);
            sizes = all;
        }
        if (sizes.length != rank && sizes.length != alternativeRank) {
            throw error(name, name + " has " + sizes.length + " sizes but the array has " + alternativeRank + " axes");
        }
        for (long size : sizes) {
            if (size == 0 || size < -1) {
                throw error(name, "chunk sizes must be positive (or -1 for a whole axis), not " + size);
            }
        }
        return sizes;
    }

    /** The items of a tuple argument. */
    List<Value> tuple(String name) {
        Value value = values.get(name);
        if (value instanceof Value.Tuple tuple) {
            return tuple.items();
        }
        if (value == null) {
            return new ArrayList<>();
        }
        return List.of(value);
    }

    static String describe(Value value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Value.Array array) {
            String dtype = array.rel().dtype().numpyName();
            String article = "aeiou".indexOf(dtype.charAt(0)) >= 0 ? "an " : "a ";
            return array.rel().ndim() == 0 ? article + dtype + " scalar"
                    : article + dtype + " array of shape " + io.tessera.executor.Shapes.format(array.rel().shape());
        }
        if (value instanceof Value.Tuple) {
            return "a tuple";
        }
        if (value instanceof Value.Text text) {
            return "the string '" + text.value() + "'";
        }
        return ((Value.Arrays) value).description() + " (it holds " + ((Value.Arrays) value).arrays().size()
                + " arrays: " + String.join(", ", ((Value.Arrays) value).arrays().keySet()) + ")";
    }
}
