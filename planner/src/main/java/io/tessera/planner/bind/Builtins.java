package io.tessera.planner.bind;

import io.tessera.executor.expr.ScalarFunction;
import io.tessera.executor.reduce.ReduceFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The built-in functions: their parameters, what they are, and which are not supported yet. */
public final class Builtins {
    /** What a built-in is. */
    public enum Kind { ELEMENTWISE, REDUCTION, SHAPE, SOURCE, GENERATOR, NOT_YET }

    /** One built-in and the parameters it takes, in order. */
    public record Builtin(String name, Kind kind, List<String> parameters, int required, ScalarFunction function,
                          ReduceFunction reduction, String summary) {
        public String signature() {
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                shown.add(i < required ? parameters.get(i) : parameters.get(i) + "?");
            }
            return name + "(" + String.join(", ", shown) + ")";
        }
    }

    private static final Map<String, Builtin> BUILTINS = new LinkedHashMap<>();

    static {
        unary("abs", ScalarFunction.ABSOLUTE);
        unary("absolute", ScalarFunction.ABSOLUTE);
        unary("negative", ScalarFunction.NEGATIVE);
        for (String name : List.of("sign", "sqrt", "cbrt", "square", "exp", "expm1", "log", "log2", "log10", "log1p",
                "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "floor", "ceil", "trunc",
                "isnan", "isinf", "isfinite")) {
            unary(name, ScalarFunction.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
        }
        elementwise("round", ScalarFunction.ROUND, List.of("x", "decimals"), 1, "round half to even");
        for (ScalarFunction function : List.of(ScalarFunction.ARCTAN2, ScalarFunction.MAXIMUM, ScalarFunction.MINIMUM,
                ScalarFunction.FMAX, ScalarFunction.FMIN, ScalarFunction.POWER)) {
            elementwise(function.symbol().equals("**") ? "power" : function.symbol(), function, List.of("x1", "x2"), 2,
                    "elementwise");
        }
        elementwise("clip", ScalarFunction.CLIP, List.of("x", "lo", "hi"), 3, "limit values to [lo, hi]");
        elementwise("where", ScalarFunction.WHERE, List.of("condition", "x", "y"), 3, "x where condition, else y");
        elementwise("astype", ScalarFunction.CAST, List.of("x", "dtype"), 2, "convert to another dtype");
        for (ReduceFunction function : ReduceFunction.values()) {
            add(new Builtin(function.functionName(), Kind.REDUCTION, Reductions.parameters(function), 1, null, function,
                    "reduction"));
        }
        shape("reshape", List.of("x", "shape"), 2);
        shape("transpose", List.of("x", "axes"), 1);
        shape("squeeze", List.of("x", "axis"), 1);
        shape("expand_dims", List.of("x", "axis"), 2);
        shape("concatenate", List.of("arrays", "axis"), 1);
        shape("rechunk", List.of("x", "chunks"), 2);
        shape("triu", List.of("x", "k"), 1);
        shape("tril", List.of("x", "k"), 1);
        shape("flip", List.of("x", "axis"), 1);
        add(new Builtin("hdf5", Kind.SOURCE, List.of("path", "dataset", "chunks"), 1, null, null,
                "datasets of an HDF5 or NetCDF4 file"));
        add(new Builtin("stack", Kind.SOURCE, List.of("files", "dataset", "axis", "chunks"), 1, null, null,
                "a dataset of many files stacked along a new axis; or a tuple of arrays stacked"));
        add(new Builtin("concat", Kind.SOURCE, List.of("files", "dataset", "axis", "chunks"), 1, null, null,
                "a dataset of many files joined along an axis"));
        add(new Builtin("npy", Kind.SOURCE, List.of("path", "chunks"), 1, null, null, "a NumPy .npy file"));
        add(new Builtin("zarr", Kind.SOURCE, List.of("path", "array", "chunks"), 1, null, null,
                "the arrays of a Zarr v2 store"));
        for (String name : List.of("zeros", "ones", "empty")) {
            add(new Builtin(name, Kind.GENERATOR, List.of("shape", "dtype", "chunks"), 1, null, null, "constant array"));
        }
        add(new Builtin("full", Kind.GENERATOR, List.of("shape", "fill_value", "dtype", "chunks"), 2, null, null,
                "constant array"));
        add(new Builtin("arange", Kind.GENERATOR, List.of("start", "stop", "step", "dtype", "chunks"), 1, null, null,
                "evenly spaced values in [start, stop)"));
        add(new Builtin("linspace", Kind.GENERATOR, List.of("start", "stop", "num", "endpoint", "dtype", "chunks"), 2,
                null, null, "num evenly spaced values from start to stop"));
        add(new Builtin("eye", Kind.GENERATOR, List.of("n", "m", "k", "dtype", "chunks"), 1, null, null,
                "ones on a diagonal, zeros elsewhere"));
        add(new Builtin("random_normal", Kind.GENERATOR, List.of("loc", "scale", "shape", "chunks", "seed"), 0, null,
                null, "normally distributed random numbers"));
        add(new Builtin("random_uniform", Kind.GENERATOR, List.of("low", "high", "shape", "chunks", "seed"), 0, null,
                null, "uniformly distributed random numbers in [low, high)"));
        add(new Builtin("random_exponential", Kind.GENERATOR, List.of("scale", "shape", "chunks", "seed"), 0, null,
                null, "exponentially distributed random numbers"));
        for (String name : List.of(
                "cumsum", "cumprod", "topk", "sort", "argsort", "percentile", "median", "histogram", "unique",
                "matmul", "dot", "tensordot", "norm")) {
            add(new Builtin(name, Kind.NOT_YET, List.of(), 0, null, null, "not supported yet"));
        }
    }

    private Builtins() {
    }

    private static void add(Builtin builtin) {
        BUILTINS.put(builtin.name(), builtin);
    }

    private static void unary(String name, ScalarFunction function) {
        elementwise(name, function, List.of("x"), 1, "elementwise");
    }

    private static void elementwise(String name, ScalarFunction function, List<String> parameters, int required,
            String summary) {
        add(new Builtin(name, Kind.ELEMENTWISE, parameters, required, function, null, summary));
    }

    private static void shape(String name, List<String> parameters, int required) {
        add(new Builtin(name, Kind.SHAPE, parameters, required, null, null, "shape function"));
    }

    public static Optional<Builtin> get(String name) {
        return Optional.ofNullable(BUILTINS.get(name));
    }

    public static List<Builtin> all() {
        return List.copyOf(BUILTINS.values());
    }
}
