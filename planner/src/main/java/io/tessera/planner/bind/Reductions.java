package io.tessera.planner.bind;

import io.tessera.executor.DType;
import io.tessera.executor.reduce.ReduceFunction;
import io.tessera.grammar.ast.Call;
import io.tessera.planner.rel.ArrayBuilder;
import java.util.List;

/**
 * Binds the reductions (sum, mean, std, argmax, ... and the nan forms) with NumPy's result dtypes:
 * small integers sum in int64 (uint64 for unsigned), means and variances of integers are float64,
 * min and max keep the dtype, any and all give bool, argmin, argmax and count give int64.
 */
final class Reductions {
    private final ArrayBuilder builder;
    private final Elementwise elementwise;

    Reductions(ArrayBuilder builder, Elementwise elementwise) {
        this.builder = builder;
        this.elementwise = elementwise;
    }

    Value.Array bind(ReduceFunction function, Call call, Arguments arguments) {
        Value.Array input = arguments.array("x");
        int ndim = input.rel().ndim();
        int[] axes;
        if (arguments.has("axis")) {
            long[] given = arguments.integers("axis").orElseThrow();
            if (function.isArg() && (given.length != 1 || arguments.get("axis").orElseThrow() instanceof Value.Tuple)) {
                throw arguments.error("axis", "axis must be one integer for " + function.functionName());
            }
            axes = Axes.normalize(given, ndim, arguments.position("axis"));
        } else {
            axes = Axes.all(ndim);
        }
        boolean keepdims = arguments.bool("keepdims").orElse(false);
        double ddof = arguments.number("ddof").orElse(0.0);
        DType dtype = input.rel().dtype();
        if (!dtype.isFloat()) {
            // integers hold no NaN: NumPy's nan forms are the plain reductions for them
            function = function.withNaN();
        }
        DType operand = operandDtype(function, dtype);
        DType result = resultDtype(function, operand);
        Value.Array cast = elementwise.cast(input, operand);
        String name = call.name();
        return new Value.Array(builder.reduce(cast.rel(), function, axes, keepdims, ddof, result), false, name);
    }

    /** The dtype the reduction accumulates in. */
    static DType operandDtype(ReduceFunction function, DType dtype) {
        return switch (function.withNaN()) {
            case SUM, PROD -> switch (dtype) {
                case BOOL, INT8, INT16, INT32 -> DType.INT64;
                case UINT8, UINT16, UINT32 -> DType.UINT64;
                default -> dtype;
            };
            case MEAN, VAR, STD -> dtype.isFloat() ? dtype : DType.FLOAT64;
            case ANY, ALL, COUNT -> DType.BOOL;
            default -> dtype;
        };
    }

    static DType resultDtype(ReduceFunction function, DType operand) {
        return switch (function.withNaN()) {
            case ARGMIN, ARGMAX, COUNT -> DType.INT64;
            default -> operand;
        };
    }

    /** The parameters a reduction takes; only var and std take ddof. */
    static List<String> parameters(ReduceFunction function) {
        return switch (function.withNaN()) {
            case VAR, STD -> List.of("x", "axis", "keepdims", "ddof");
            case ARGMIN, ARGMAX -> List.of("x", "axis", "keepdims");
            default -> List.of("x", "axis", "keepdims");
        };
    }
}
